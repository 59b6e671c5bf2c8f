/*
 * gen_native.c - the script that serves a plan natively on an Apple
 * silicon Mac, where no container reaches the GPU: it checks it runs on
 * darwin/arm64, downloads the engine's pinned release archive and the
 * planned weights once (into RIGPLAN_HOME, by default
 * ~/Library/Application Support/rigplan), then starts the server with the
 * same arguments a container would get.  One replica a Mac: the plan's
 * other replicas run the same script on their own Macs.
 *
 * What each archive holds comes from the release workflows at the
 * catalog's tags (docs/sources/macos-engines.md): llama.cpp's zip
 * build/bin/llama-server, its tar.gz (b10573 on) llama-<tag>/llama-server;
 * Ollama's tgz the ollama binary, and 0.5.4 the binary alone.  A release
 * on PyPI (mlx-lm) is installed into a virtual environment of its own
 * with the pinned requirement, and fetches its weights with the
 * huggingface_hub it brings.
 */
#include <stdio.h>
#include <string.h>

#include "generators/gen_deploy.h"
#include "generators/gen_engine.h"
#include "generators/gen_writer.h"
#include "util/err.h"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && !strcmp(s + n - k, suffix);
}

/*
 * The servers released as Python packages: the program the package
 * installs and what its wheels need.  mlx-lm 0.31.3 requires mlx >=
 * 0.31.2 (its setup.py), whose wheels install on macOS 14.0 and newer
 * with a native Python 3.10 or newer (mlx v0.31.2 docs/src/install.rst
 * and setup.py python_requires; Apple's own python3 is 3.9).
 */
static const struct python_server {
	const char *family;
	const char *program;
	int python_minor;           /* Python 3.x at least */
	int macos_major;            /* macOS at least */
} python_servers[] = {
	{ "mlx-lm", "mlx_lm.server", 10, 14 },
};

static const struct python_server *python_server(const struct plan_candidate *c)
{
	size_t i;

	if (!gen_engine_pypi(c))
		return NULL;
	for (i = 0; i < sizeof(python_servers) / sizeof(python_servers[0]); i++)
		if (!strcmp(python_servers[i].family, c->engine))
			return &python_servers[i];
	return NULL;
}

/* The server's program inside the unpacked release, relative to it. */
static void program(char *out, size_t size, const struct plan_candidate *c)
{
	const struct python_server *p = python_server(c);

	if (p)
		snprintf(out, size, "venv/bin/%s", p->program);
	else if (!strcmp(c->engine, "ollama"))
		snprintf(out, size, "ollama");
	else if (ends_with(c->engine_image, ".tar.gz"))
		snprintf(out, size, "llama-%s/llama-server", c->engine_version);
	else
		snprintf(out, size, "build/bin/llama-server");
}

/* Download the archive once and unpack it into "$release". */
static void fetch_release(struct sbuf *sb, const struct plan_candidate *c, const char *prog)
{
	const char *url = c->engine_image;

	sbuf_addstr(sb, "program=\"$release\"/");
	gen_shell_word(sb, prog);
	sbuf_addstr(sb, "\nif [ ! -x \"$program\" ]; then\n\tcurl -fL --retry 5 -o \"$release/release.part\" ");
	gen_shell_word(sb, url);
	sbuf_addch(sb, '\n');
	if (ends_with(url, ".zip"))
		sbuf_addstr(sb, "\tunzip -q -o \"$release/release.part\" -d \"$release\"\n"
			    "\trm -f \"$release/release.part\"\n");
	else if (ends_with(url, ".tar.gz") || ends_with(url, ".tgz"))
		sbuf_addstr(sb, "\ttar -xzf \"$release/release.part\" -C \"$release\"\n"
			    "\trm -f \"$release/release.part\"\n");
	else
		sbuf_addstr(sb, "\tchmod +x \"$release/release.part\"\n"
			    "\tmv \"$release/release.part\" \"$release/ollama\"\n");
	sbuf_addstr(sb, "fi\n");
}

/* What a Python package's wheels need: a macOS they install on and a
 * native Python they take ($PYTHON, else python3), checked before
 * anything is written. */
static void python_checks(struct sbuf *sb, const struct python_server *p)
{
	sbuf_addf(sb, "if [ \"$(sw_vers -productVersion | cut -d. -f1)\" -lt %d ]; then\n"
		  "\techo \"%s needs macOS %d or newer\" >&2\n"
		  "\texit 1\nfi\n", p->macos_major, p->family, p->macos_major);
	sbuf_addf(sb, "python=\"${PYTHON:-python3}\"\n"
		  "if ! \"$python\" -c 'import platform, sys; sys.exit(platform.machine() != \"arm64\" "
		  "or sys.version_info < (3, %d))'; then\n"
		  "\techo \"%s needs a native arm64 Python 3.%d or newer: set PYTHON to one\" >&2\n"
		  "\texit 1\nfi\n", p->python_minor, p->family, p->python_minor);
}

/* A Python package: a virtual environment of its own with the pinned
 * requirements (words separated by spaces), made once. */
static void install_package(struct sbuf *sb, const char *prog, const char *reqs)
{
	char word[128];
	const char *p = reqs;
	size_t n;

	sbuf_addstr(sb, "program=\"$release\"/");
	gen_shell_word(sb, prog);
	sbuf_addstr(sb, "\nif [ ! -x \"$program\" ]; then\n"
		    "\t\"$python\" -m venv \"$release/venv\"\n"
		    "\t\"$release/venv/bin/python3\" -m pip install --disable-pip-version-check");
	while (*p) {
		n = strcspn(p, " ");
		if (n && n < sizeof(word)) {
			snprintf(word, sizeof(word), "%.*s", (int)n, p);
			sbuf_addch(sb, ' ');
			gen_shell_word(sb, word);
		}
		p += n;
		p += strspn(p, " ");
	}
	sbuf_addstr(sb, "\nfi\n");
}

/* The weights into the Hugging Face cache under $home, by the fetch
 * step's own Python words run in the package's environment. */
static void fetch_python(struct sbuf *sb, const struct gen_fetch *f)
{
	size_t i;

	sbuf_addstr(sb, "export HF_HOME=\"$home/huggingface\"\n\"$release/venv/bin/python3\"");
	for (i = 0; i < f->args.n; i++) {
		sbuf_addch(sb, ' ');
		gen_shell_word(sb, f->args.v[i]);
	}
	sbuf_addch(sb, '\n');
}

/* llama.cpp reads GGUF files: each one fetched into the weights'
 * directory unless it is there, under a .part name until whole. */
static void fetch_gguf(struct sbuf *sb, const struct gen_fetch *f)
{
	size_t i;

	if (f->operands + 2 > f->args.n)
		return;
	sbuf_addstr(sb, "repo=");
	gen_shell_word(sb, f->args.v[f->operands]);
	sbuf_addstr(sb, "\nset --");
	for (i = f->operands + 1; i < f->args.n; i++) {
		sbuf_addch(sb, ' ');
		gen_shell_word(sb, f->args.v[i]);
	}
	sbuf_addstr(sb, "\nfor f in \"$@\"; do\n\t[ -s \"$f\" ] && continue\n"
		    "\tcurl -fL --retry 5 ${HF_TOKEN:+--oauth2-bearer \"$HF_TOKEN\"} -o \"$f.part\" \\\n"
		    "\t\t\"https://huggingface.co/$repo/resolve/main/$f\"\n"
		    "\tmv \"$f.part\" \"$f\"\ndone\n");
}

/* The server's arguments, an option and its value to a line. */
static void server_args(struct sbuf *sb, const struct gen_argv *a)
{
	size_t i;

	for (i = 0; i < a->n; i++) {
		sbuf_addstr(sb, a->v[i][0] == '-' ? " \\\n\t" : " ");
		gen_shell_arg(sb, a->v[i]);
	}
}

/* Ollama: its own server with the planned settings, the model pulled
 * into it once it answers, then the script waits on it. */
static void ollama_serve(struct sbuf *sb, const struct gen_engine *e)
{
	size_t i;

	for (i = 0; i < e->env.n; i++) {
		sbuf_addstr(sb, "export ");
		gen_shell_word(sb, e->env.v[i]);
		sbuf_addch(sb, '\n');
	}
	sbuf_addstr(sb, "export OLLAMA_MODELS=\"$home/ollama-models\"\n"
		    "\"$program\" serve &\n"
		    "server=$!\n"
		    "trap 'kill \"$server\"' INT TERM\n"
		    "until \"$program\" list >/dev/null 2>&1; do sleep 1; done\n"
		    "\"$program\" pull ");
	gen_shell_word(sb, e->fetch.args.v[e->fetch.operands]);
	sbuf_addstr(sb, "\nwait \"$server\"\n");
}

int gen_native(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
	       struct err *err)
{
	const struct python_server *py = python_server(c);
	struct gen_engine e;
	char prog[128], line[512], dir[96];
	size_t i;
	int r;

	if (!gen_engine_native(c))
		return err_set(err, ERR_INVAL, "generate native: %s runs in containers on %s (image "
			       "%.80s): use 'generate docker', 'compose' or 'k8s'", c->engine, c->gpu,
			       c->engine_image);
	if (gen_engine_pypi(c) && !py)
		return err_set(err, ERR_INVAL, "generate native: rigplan does not know which program "
			       "the Python package %.60s serves with", gen_engine_pypi(c));
	if ((r = gen_engine_build(&e, c, c->port, o && o->api_key, err)) < 0)
		return r;
	program(prog, sizeof(prog), c);
	snprintf(dir, sizeof(dir), "%s-%s", c->engine, c->engine_version);
	sbuf_addstr(sb, "#!/bin/sh\n");
	snprintf(line, sizeof(line), "# rigplan generate native: %s on %s (%s), %s %s, %zu "
		 "replica%s: run this on each of the %zu Macs", c->model, c->gpu, c->precision,
		 c->engine, c->engine_version, c->replicas, c->replicas == 1 ? "" : "s",
		 c->replicas);
	for (i = 0; line[i]; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	sbuf_addstr(sb, line);
	sbuf_addstr(sb, "\nset -eu\n"
		    "if [ \"$(uname -s)/$(uname -m)\" != Darwin/arm64 ]; then\n"
		    "\techo \"this script serves on an Apple silicon Mac (Darwin/arm64)\" >&2\n"
		    "\texit 1\nfi\n");
	if (py)
		python_checks(sb, py);
	if (o && o->api_key)
		sbuf_addstr(sb, ": \"${" GEN_API_KEY_ENV ":?set " GEN_API_KEY_ENV " to the key "
			    "clients must send (Authorization: Bearer ...)}\"\n");
	sbuf_addstr(sb, "home=\"${RIGPLAN_HOME:-$HOME/Library/Application Support/rigplan}\"\n"
		    "release=\"$home\"/");
	gen_shell_word(sb, dir);
	sbuf_addstr(sb, py ? "\nmkdir -p \"$release\"\n" : "\nmkdir -p \"$release\" \"$home/models\"\n");
	if (py) {
		install_package(sb, prog, gen_engine_pypi(c));
		fetch_python(sb, &e.fetch);
	} else {
		fetch_release(sb, c, prog);
	}
	if (!strcmp(c->engine, "ollama")) {
		ollama_serve(sb, &e);
	} else {
		if (!py) {
			sbuf_addstr(sb, "cd \"$home/models\"\n");
			fetch_gguf(sb, &e.fetch);
		}
		sbuf_addstr(sb, "exec \"$program\"");
		server_args(sb, &e.args);
		sbuf_addch(sb, '\n');
	}
	gen_engine_release(&e);
	return 0;
}
