/*
 * cmd_generate.c - `rigplan generate docker|compose|k8s|native|bom`: the files
 * that deploy and buy a planned configuration, from a plan file or by
 * planning from the same flags as `plan`.  Parsing, file handling and
 * printing only; the text is generators/'.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bind/deploy.h"
#include "catalog/cat.h"
#include "cli/cmd.h"
#include "cli/opt.h"
#include "cli/plan_opts.h"
#include "generators/gen_deploy.h"
#include "generators/gen_writer.h"
#include "models/fmt.h"
#include "planner/plan_file.h"
#include "util/afile.h"
#include "util/err.h"
#include "util/fileio.h"
#include "util/sbuf.h"

enum { O_PLAN = PO_LAST, O_CANDIDATE, O_FORMAT, O_OUT, O_API_KEY, O_RDMA };

#define PLAN_FILE_MAX (16u << 20)

struct gen_cli {
	struct plan_opts p;
	const char *plan, *format, *out, *rdma;
	size_t candidate;
	int api_key;
};

static int on_opt(int id, const char *arg, void *data, struct err *err)
{
	struct gen_cli *o = data;
	int r;

	if ((r = plan_opt(&o->p, id, arg, err)) <= 0)
		return r;
	switch (id) {
	case O_PLAN: o->plan = arg; return 0;
	case O_CANDIDATE: return opt_size(&o->candidate, "--candidate", arg, 1, 1000, err);
	case O_FORMAT:
		if (strcmp(arg, "csv") && strcmp(arg, "md") && strcmp(arg, "json"))
			return err_set(err, ERR_INVAL, "--format '%.20s': expected csv, md or json", arg);
		o->format = arg;
		return 0;
	case O_OUT: o->out = arg; return 0;
	case O_API_KEY: o->api_key = 1; return 0;
	case O_RDMA:
		if (!gen_resource_name_ok(arg))
			return err_set(err, ERR_INVAL, "--rdma-resource '%.80s': expected an extended "
				       "resource name such as rdma/ib (domain/name)", arg);
		o->rdma = arg;
		return 0;
	}
	return err_set(err, ERR_INVAL, "unhandled option");
}

static const struct opt_spec generate_opts_table[] = {
	{ "plan", 0, required_argument, O_PLAN, "FILE", "a plan from 'rigplan plan --json' (else plan from the flags below)" },
	{ "candidate", 'c', required_argument, O_CANDIDATE, "N", "which candidate of the plan (default 1, the best)" },
	{ "format", 'f', required_argument, O_FORMAT, "F", "bom: csv (default), md or json" },
	{ "out", 'o', required_argument, O_OUT, "DIR", "write the file into DIR (created if missing) instead of stdout" },
	{ "api-key", 0, no_argument, O_API_KEY, NULL, "the servers require a key: RIGPLAN_API_KEY when docker, Compose or the native script runs, the Secret rigplan-api-key (key: key) in Kubernetes" },
	{ "rdma-resource", 0, required_argument, O_RDMA, "NAME", "k8s: the RDMA device resource the cluster offers (e.g. rdma/ib), requested by the pods of replicas whose nodes InfiniBand joins" },
	PLAN_OPTS,
	OPT_END
};

/* A plan file's name for a catalog row must be that row's id, exactly:
 * cat_resolve also takes aliases and other spellings, which a plan never
 * writes, so "VLLM" here is a hand edit, not vLLM. */
static int check_id(struct cat *cat, enum cat_kind kind, const char *where, const char *field,
		    const char *value, struct err *err)
{
	char id[CAT_ID_MAX];
	int r;

	if ((r = cat_resolve(id, cat, kind, value, err)) < 0)
		return err->code == ERR_NOTFOUND ? err_prefix(err, "%s.%s", where, field) : r;
	if (strcmp(id, value))
		return err_set(err, ERR_NOTFOUND, "%s.%s: '%.40s' is not a catalog id (the %s's "
			       "id is '%s')", where, field, value, cat_kind_info(kind)->table, id);
	return 0;
}

/* The catalog kind a bill-of-materials role names; -1 for parts that are
 * not catalog rows (the rack; a network part the catalog lacks is listed
 * under its role as id, planner/fabric.c). */
static int role_kind(const char *role)
{
	static const struct { const char *role; enum cat_kind kind; } roles[] = {
		{ "gpu", CAT_GPU }, { "chassis", CAT_CHASSIS }, { "psu", CAT_PSU },
		{ "cpu", CAT_CPU }, { "memory", CAT_MEMORY }, { "ssd", CAT_SSD },
		{ "motherboard", CAT_MOTHERBOARD }, { "cooler", CAT_COOLER },
		{ "nic", CAT_NETPART }, { "cable", CAT_NETPART }, { "switch", CAT_NETPART },
		{ "pdu", CAT_NETPART },
	};
	size_t i;

	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (!strcmp(role, roles[i].role))
			return (int)roles[i].kind;
	return -1;
}

/*
 * Every name of a candidate read from a plan file, against the catalog,
 * before any generator sees it: the model, GPU, engine, chassis and
 * parts are ids of their rows, and the weight and KV formats are ones
 * the engine loads.  ERR_NOTFOUND or ERR_INVAL naming the field and its
 * value.
 */
static int check_candidate(struct cat *cat, const struct plan_candidate *c, const char *file,
			   size_t index, struct err *err)
{
	struct cat_engine e;
	struct cat_gpu g;
	struct cat_engine_image *img = NULL;
	char where[128], field[48], release[2 * CAT_ID_MAX];
	size_t i, nimg = 0;
	int r, k;

	snprintf(where, sizeof(where), "%.80s: candidates[%zu]", file, index);
	/* the release: the family and its version, an id of the catalog's */
	snprintf(release, sizeof(release), "%s@%s", c->engine, c->engine_version);
	if (!c->engine[0] || strchr(c->engine, '@') || !c->engine_version[0])
		return err_set(err, ERR_INVAL, "%s.engine: '%.40s' version '%.40s': expected an "
			       "engine family and its version", where, c->engine, c->engine_version);
	if ((r = check_id(cat, CAT_MODEL, where, "model", c->model, err)) < 0) {
		if (err->code == ERR_NOTFOUND)
			return err_set(err, ERR_NOTFOUND, "%s.model: '%.40s' is not in the catalog; "
				       "a model planned from its files needs 'rigplan catalog "
				       "import-model PATH --hf-repo REPO' (where servers fetch it) and "
				       "a new plan", where, c->model);
		return r;
	}
	/* the device: a GPU's row, or a CPU alone's (cpu-ID) */
	if ((r = bind_device_row(&g, cat, c->gpu, err)) < 0)
		return err_prefix(err, "%s.gpu", where);
	if (strcmp(g.id, c->gpu))
		return err_set(err, ERR_NOTFOUND, "%s.gpu: '%.40s' is not a catalog id (the gpu's "
			       "id is '%s')", where, c->gpu, g.id);
	if ((r = check_id(cat, CAT_ENGINE, where, "engine@engine_version", release, err)) < 0)
		return r;
	/* an edge module is a system of its own: no chassis */
	if ((c->node.chassis[0] || !bind_gpu_edge(&g)) &&
	    (r = check_id(cat, CAT_CHASSIS, where, "node.chassis", c->node.chassis, err)) < 0)
		return r;
	if ((r = cat_find(&e, cat, CAT_ENGINE, release, err)) < 0)
		return r;
	if (!fmt_weight_find(c->precision) || !deploy_engine_loads(&e, c->precision))
		return err_set(err, ERR_INVAL, "%s.precision: '%.40s' is not a weight format "
			       "engine '%s' loads (%s)", where, c->precision, e.id, e.weight_formats);
	if (!fmt_kv_find(c->kv_precision) || !deploy_engine_has_kv(&e, c->kv_precision))
		return err_set(err, ERR_INVAL, "%s.kv_precision: '%.40s' is not a KV cache format "
			       "engine '%s' has (%s)", where, c->kv_precision, e.id, e.kv_formats);
	if ((r = cat_engine_images(&img, &nimg, cat, e.id, err)) < 0)
		return r;
	for (i = 0; i < nimg && strcmp(img[i].image, c->engine_image); i++)
		;
	free(img);
	if (i == nimg)
		return err_set(err, ERR_INVAL, "%s.engine_image: '%.80s' is not an image of %s in "
			       "the catalog (engine_image)", where, c->engine_image, e.id);
	for (i = 0; i < c->nparts; i++) {
		/* parts outside the catalog (NICs, cables, the rack), and PSUs
		 * that ship with the chassis, listed under its id */
		if ((k = role_kind(c->parts[i].role)) < 0 ||
		    (k == CAT_PSU && !strcmp(c->parts[i].id, c->node.chassis)) ||
		    (k == CAT_NETPART && !strcmp(c->parts[i].id, c->parts[i].role)))
			continue;
		snprintf(field, sizeof(field), "parts[%zu].id", i);
		if ((r = check_id(cat, (enum cat_kind)k, where, field, c->parts[i].id, err)) < 0)
			return r;
	}
	return 0;
}

static int load_candidate(struct plan_candidate *c, struct gen_cli *o, struct cli_ctx *ctx)
{
	struct err err = ERR_INIT;
	int status = EXIT_OK;

	if (o->plan) {
		struct cat *cat;
		char *buf;
		size_t len;

		if (o->p.q.model)
			return cli_usage(ctx, "give either --plan or the plan flags, not both");
		if (file_read_all(&buf, &len, o->plan, PLAN_FILE_MAX, &err) < 0)
			return cli_fail(ctx, &err);
		if (plan_json_read(c, buf, len, o->plan, o->candidate - 1, &err) < 0)
			status = cli_fail(ctx, &err);
		free(buf);
		if (status == EXIT_OK && cli_open_catalog(&cat, ctx, 0, &status) == 0) {
			if (check_candidate(cat, c, o->plan, o->candidate - 1, &err) < 0)
				status = cli_fail(ctx, &err);
			cat_free(cat);
		}
		return status;
	}
	{
		struct plan_result r;

		if (plan_opts_run(&r, &o->p, ctx, &status) < 0)
			return status;
		if (o->candidate > r.n) {
			cli_error(ctx, "candidate %zu asked, the plan has %zu", o->candidate, r.n);
			plan_result_release(&r);
			return EXIT_USAGE;
		}
		*c = r.c[o->candidate - 1];
		plan_result_release(&r);
	}
	return EXIT_OK;
}

/* The file into DIR: a shell script is made executable when it is new
 * (an existing file keeps its permissions, util/afile.h). */
static int write_file(const char *dir, const char *name, const struct sbuf *sb,
		      struct cli_ctx *ctx)
{
	struct afile a;
	struct err err = ERR_INIT;
	struct stat st;
	char path[4096];
	size_t n = strlen(name);

	if (mkdir(dir, 0777) < 0 && errno != EEXIST) {
		cli_error(ctx, "cannot create '%s': %s", dir, strerror(errno));
		return EXIT_RUNTIME;
	}
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return cli_usage(ctx, "--out '%.200s': not a directory", dir);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return cli_usage(ctx, "--out '%.40s...': path too long", dir);
	if (afile_open(&a, path, n > 3 && !strcmp(name + n - 3, ".sh") ? AFILE_MODE_EXEC :
		       AFILE_MODE_DATA, &err) < 0)
		return cli_fail(ctx, &err);
	if (sb->len)
		fwrite(sb->buf, 1, sb->len, a.f);
	if (afile_commit(&a, &err) < 0)
		return cli_fail(ctx, &err);
	return EXIT_OK;
}

static int exec_generate(int argc, char **argv, struct cli_ctx *ctx)
{
	struct gen_cli o;
	struct plan_candidate c;
	struct gen_opts go = { 0 };
	struct sbuf sb;
	struct err err = ERR_INIT;
	const char *kind, *file;
	int first, status = EXIT_OK, r;

	memset(&o, 0, sizeof(o));
	plan_opts_init(&o.p);
	o.candidate = 1;
	sbuf_init(&sb);
	if ((first = cli_parse(argc, argv, ctx, on_opt, &o, &status)) < 0)
		goto out;
	if (first >= argc) {
		status = cli_usage(ctx, "what to generate: docker, compose, k8s, native or bom");
		goto out;
	}
	kind = argv[first];
	if (first + 1 < argc) {
		status = cli_usage(ctx, "unexpected operand '%s'", argv[first + 1]);
		goto out;
	}
	if (strcmp(kind, "docker") && strcmp(kind, "compose") && strcmp(kind, "k8s") &&
	    strcmp(kind, "native") && strcmp(kind, "bom")) {
		status = cli_usage(ctx, "unknown output '%.40s': expected docker, compose, k8s, native "
				   "or bom", kind);
		goto out;
	}
	if (o.format && strcmp(kind, "bom")) {
		status = cli_usage(ctx, "--format applies to bom only");
		goto out;
	}
	if (o.api_key && !strcmp(kind, "bom")) {
		status = cli_usage(ctx, "--api-key applies to docker, compose, k8s and native only");
		goto out;
	}
	if (o.rdma && strcmp(kind, "k8s")) {
		status = cli_usage(ctx, "--rdma-resource applies to k8s only");
		goto out;
	}
	if ((status = load_candidate(&c, &o, ctx)) != EXIT_OK)
		goto out;
	go.api_key = o.api_key;
	go.rdma_resource = o.rdma;
	if (!strcmp(kind, "docker")) {
		r = gen_docker(&sb, &c, &go, &err);
		file = "docker-run.sh";
	} else if (!strcmp(kind, "compose")) {
		r = gen_compose(&sb, &c, &go, &err);
		file = "compose.yaml";
	} else if (!strcmp(kind, "k8s")) {
		r = gen_k8s(&sb, &c, &go, &err);
		file = "k8s.yaml";
	} else if (!strcmp(kind, "native")) {
		r = gen_native(&sb, &c, &go, &err);
		file = "serve.sh";
	} else {
		enum gen_bom_format f = !o.format || !strcmp(o.format, "csv") ? GEN_BOM_CSV :
					!strcmp(o.format, "md") ? GEN_BOM_MD : GEN_BOM_JSON;

		r = gen_bom(&sb, &c, f, &err);
		file = f == GEN_BOM_CSV ? "bom.csv" : f == GEN_BOM_MD ? "bom.md" : "bom.json";
	}
	if (r < 0) {
		status = cli_fail(ctx, &err);
		goto out;
	}
	if (o.out)
		status = write_file(o.out, file, &sb, ctx);
	else if (sb.len)
		fwrite(sb.buf, 1, sb.len, stdout);
out:
	sbuf_release(&sb);
	plan_opts_release(&o.p);
	return status;
}

const struct cmd_entry cmd_generate_entry = {
	"generate", "Docker run lines, Compose, Kubernetes manifests or the bill of materials for a plan",
	"docker|compose|k8s|native|bom",
	"Writes, for the best candidate of a plan (or --candidate N):\n"
	"  docker   one 'docker run' line per replica (docker-run.sh)\n"
	"  compose  a Compose file with GPU reservations and health checks\n"
	"  k8s      Deployment, Service, HPA, PDB and PVC (a LeaderWorkerSet when\n"
	"           a replica spans nodes)\n"
	"  native   on Apple silicon Macs, where no container reaches the GPU: the\n"
	"           script each Mac runs (serve.sh): the pinned release, the\n"
	"           weights, the server\n"
	"  bom      parts, quantities, prices with their sources, the power budget\n"
	"The plan comes from --plan FILE (the JSON of 'rigplan plan --json') or is\n"
	"made from the same flags as 'plan'.  The output is deterministic: the same\n"
	"plan gives the same bytes.  With --out DIR the file is written whole or\n"
	"not at all.",
	generate_opts_table, exec_generate, NULL
};
