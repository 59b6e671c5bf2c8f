/*
 * t_gen_writer.c - the escaping of generators/gen_writer: hostile strings go
 * through /bin/sh, a YAML parser and a CSV reader and come back the same
 * bytes; nothing a name holds can run, end a scalar or start a formula.
 */
#include "tests/testlib.h"
#include "generators/gen_writer.h"
#include "util/sbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const hostile[] = {
	"plain", "", "it's", "a b", "$(touch rigplan-pwned)", "`id`", "new\nline",
	"; rm -rf /", "\"dq\"", "back\\slash", "*", "~root", "-rf", "a'b'c", "!event",
	"{a,b}", "x=y", "key: value", "# comment", "- item", "[1, 2]", "&anchor",
	"*alias", "!!python/object:os.system", "null", "true", "0x10", "tab\there",
	"cr\rlf", "bell\a", "\xc3\xbc" "n\xc3\xaf" "c\xc3\xb6" "d\xc3\xa9", "line\xe2\x80\xa8" "sep",
	"nel\xc2\x85" "x", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "a,b", "pipe|cell",
	"<script>", "trailing space ", " leading", "%s%n", "100%", NULL
};

/* Run a shell command line; its stdout into out. */
static int sh(struct sbuf *out, const char *cmd)
{
	FILE *p = popen(cmd, "r");
	char buf[4096];
	size_t n;

	sbuf_reset(out);
	if (!p)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		sbuf_add(out, buf, n);
	return pclose(p);
}

static void shell(void)
{
	struct sbuf cmd, out;
	size_t i;

	sbuf_init(&cmd);
	sbuf_init(&out);
	for (i = 0; hostile[i]; i++) {
		sbuf_reset(&cmd);
		sbuf_addstr(&cmd, "printf '%s' ");
		gen_shell_word(&cmd, hostile[i]);
		test_ok(sh(&out, cmd.buf) == 0 && out.len == strlen(hostile[i]) &&
			!memcmp(out.buf, hostile[i], out.len),
			"sh gives back word %zu byte for byte", i);
	}
	test_ok(access("rigplan-pwned", F_OK) != 0, "no quoted word ran a command");
	sbuf_release(&cmd);
	sbuf_release(&out);
}

/* Python with a YAML module, or NULL (the check is then skipped). */
static const char *python_yaml(void)
{
	static const char *const py[] = { "python3", "/usr/bin/python3", NULL };
	struct sbuf out, cmd;
	size_t i;
	const char *found = NULL;

	sbuf_init(&out);
	sbuf_init(&cmd);
	for (i = 0; py[i] && !found; i++) {
		sbuf_reset(&cmd);
		sbuf_addf(&cmd, "%s -c 'import yaml' 2>/dev/null", py[i]);
		if (sh(&out, cmd.buf) == 0)
			found = py[i];
	}
	sbuf_release(&out);
	sbuf_release(&cmd);
	return found;
}

static void yaml(void)
{
	const char *py = python_yaml();
	char ypath[64], jpath[64];
	struct sbuf y, j, out, cmd;
	FILE *f;
	size_t i;

	if (!py) {
		printf("ok - # SKIP no Python YAML module to parse the generated YAML\n");
		return;
	}
	/* the strings as YAML (one document, a sequence under a key) and as
	 * JSON (Python's own escaping): the parser must see the same list */
	snprintf(ypath, sizeof(ypath), "t_gen.%ld.yaml", (long)getpid());
	snprintf(jpath, sizeof(jpath), "t_gen.%ld.txt", (long)getpid());
	sbuf_init(&y);
	sbuf_init(&j);
	sbuf_addstr(&y, "values:\n");
	for (i = 0; hostile[i]; i++) {
		const unsigned char *p;

		sbuf_addstr(&y, "  - ");
		gen_yaml_str(&y, hostile[i]);
		sbuf_addch(&y, '\n');
		for (p = (const unsigned char *)hostile[i]; *p; p++)
			sbuf_addf(&j, "%02x", *p);
		sbuf_addch(&j, '\n');
	}
	f = fopen(ypath, "w");
	fputs(y.buf, f);
	fclose(f);
	f = fopen(jpath, "w");
	fputs(j.buf, f);
	fclose(f);
	sbuf_init(&out);
	sbuf_init(&cmd);
	sbuf_addf(&cmd, "%s -c 'import yaml,sys\n"
		  "got=yaml.safe_load(open(sys.argv[1],encoding=\"utf-8\"))[\"values\"]\n"
		  "want=[bytes.fromhex(l.strip()).decode(\"utf-8\") for l in open(sys.argv[2])]\n"
		  "bad=[i for i,(a,b) in enumerate(zip(got,want)) if a!=b]\n"
		  "print(len(got),len(want),bad)' %s %s", py, ypath, jpath);
	sh(&out, cmd.buf);
	sbuf_reset(&cmd);
	for (i = 0; hostile[i]; i++)
		;
	sbuf_addf(&cmd, "%zu %zu []\n", i, i);
	test_str(out.buf, cmd.buf, "YAML: the parser reads back every hostile string");
	unlink(ypath);
	unlink(jpath);
	sbuf_release(&y);
	sbuf_release(&j);
	sbuf_release(&out);
	sbuf_release(&cmd);
}

/* Escapers checked against hand-written outputs. */
static void by_hand(void)
{
	static const struct {
		void (*fn)(struct sbuf *, const char *);
		const char *in, *want, *what;
	} c[] = {
		{ gen_csv_field, "plain", "plain", "CSV: a plain field stays bare" },
		{ gen_csv_field, "a,\"b\"\nc", "\"a,\"\"b\"\"\nc\"",
		  "CSV: comma, quote and newline: quoted, quotes doubled" },
		{ gen_csv_field, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"",
		  "CSV: a formula is defused with a leading '" },
		{ gen_csv_field, "@SUM(A1)", "\"'@SUM(A1)\"", "CSV: @ too" },
		{ gen_csv_field, "-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"",
		  "CSV: - before a formula is defused" },
		{ gen_csv_field, "-12.5e3", "-12.5e3", "CSV: a signed number stays a number" },
		{ gen_csv_field, " padded ", "\" padded \"", "CSV: outer blanks are kept by quoting" },
		{ gen_md_cell, "a|b\nc<script>&", "a\\|b<br>c&lt;script&gt;&amp;",
		  "Markdown: a cell cannot split the table or hold HTML" },
		{ gen_yaml_str, "a \"b\"\n\\c", "\"a \\\"b\\\"\\n\\\\c\"",
		  "YAML: quote, newline and backslash escaped" },
		{ gen_yaml_str, "x\x01\x7f", "\"x\\x01\\x7f\"", "YAML: control bytes as \\x escapes" },
		{ gen_shell_word, "vllm/vllm-openai:v0.6.6", "vllm/vllm-openai:v0.6.6",
		  "shell: a safe word stays bare" },
		{ gen_shell_word, "it's", "'it'\\''s'", "shell: a quote is closed, escaped and reopened" },
		{ gen_shell_word, "", "''", "shell: the empty word is ''" },
	};
	struct sbuf s;
	size_t i;

	sbuf_init(&s);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		sbuf_reset(&s);
		c[i].fn(&s, c[i].in);
		test_str(s.buf, c[i].want, "%s", c[i].what);
	}
	sbuf_release(&s);
}

static void numbers(void)
{
	static const struct { double v; int d; const char *want; } c[] = {
		{ -0.004, 2, "0.00" }, { 1234.5, 0, "1235" }, { 0.125, 2, "0.13" },
		{ 1599, 2, "1599.00" }, { -2.5, 0, "-3" }, { 1e9, 1, "1000000000.0" },
	};
	struct sbuf s;
	size_t i;

	sbuf_init(&s);
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		sbuf_reset(&s);
		gen_fixed(&s, c[i].v, c[i].d);
		test_str(s.buf, c[i].want, "fixed %g to %d places", c[i].v, c[i].d);
	}
	sbuf_release(&s);
}

int main(void)
{
	shell();
	yaml();
	by_hand();
	numbers();
	return test_done();
}
