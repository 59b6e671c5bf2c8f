/*
 * gen_writer.c - see gen_writer.h.
 */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "generators/gen_writer.h"

/* Bytes that mean nothing to sh in an unquoted word (and are not '=' in
 * the first word, which the callers never write through here). */
static int shell_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("@%+=:,./_-", c));
}

void gen_shell_word(struct sbuf *sb, const char *s)
{
	const unsigned char *p;
	int bare = *s != '\0';

	for (p = (const unsigned char *)s; *p && bare; p++)
		bare = shell_safe(*p);
	if (bare) {
		sbuf_addstr(sb, s);
		return;
	}
	sbuf_addch(sb, '\'');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '\'')
			sbuf_addstr(sb, "'\\''");
		else
			sbuf_addch(sb, (char)*p);
	}
	sbuf_addch(sb, '\'');
}

static void yaml_str(struct sbuf *sb, const char *s, int compose)
{
	const unsigned char *p = (const unsigned char *)s;

	sbuf_addch(sb, '"');
	for (; *p; p++) {
		switch (*p) {
		case '$':
			sbuf_addstr(sb, compose ? "$$" : "$");
			continue;
		case '"': sbuf_addstr(sb, "\\\""); continue;
		case '\\': sbuf_addstr(sb, "\\\\"); continue;
		case '\n': sbuf_addstr(sb, "\\n"); continue;
		case '\t': sbuf_addstr(sb, "\\t"); continue;
		case '\r': sbuf_addstr(sb, "\\r"); continue;
		}
		if (*p < 0x20 || *p == 0x7f) {
			sbuf_addf(sb, "\\x%02x", *p);
		} else if (p[0] == 0xc2 && p[1] == 0x85) {
			sbuf_addstr(sb, "\\N");     /* next line */
			p++;
		} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
			sbuf_addstr(sb, p[2] == 0xa8 ? "\\L" : "\\P");
			p += 2;
		} else {
			sbuf_addch(sb, (char)*p);
		}
	}
	sbuf_addch(sb, '"');
}

void gen_yaml_str(struct sbuf *sb, const char *s)
{
	yaml_str(sb, s, 0);
}

void gen_yaml_noexpand(struct sbuf *sb, const char *s)
{
	yaml_str(sb, s, 1);
}

/* "-12.5", "+3e9": a signed number, which a spreadsheet reads as data. */
static int signed_number(const char *s)
{
	const char *p = s + 1;

	if (!*p)
		return 0;
	for (; *p; p++)
		if (!strchr("0123456789.eE+-", *p))
			return 0;
	return 1;
}

void gen_csv_field(struct sbuf *sb, const char *s)
{
	size_t n = strlen(s);
	int formula = *s && (strchr("=@\t\r", *s) ||
			     (strchr("+-", *s) && !signed_number(s)));
	int quote = strpbrk(s, ",\"\r\n") != NULL || formula ||
		    (n && (s[0] == ' ' || s[n - 1] == ' '));
	const char *p;

	if (!quote) {
		sbuf_addstr(sb, s);
		return;
	}
	sbuf_addch(sb, '"');
	if (formula)
		sbuf_addch(sb, '\'');
	for (p = s; *p; p++) {
		if (*p == '"')
			sbuf_addch(sb, '"');
		sbuf_addch(sb, *p);
	}
	sbuf_addch(sb, '"');
}

void gen_md_cell(struct sbuf *sb, const char *s)
{
	const char *p;

	for (p = s; *p; p++) {
		switch (*p) {
		case '|': sbuf_addstr(sb, "\\|"); break;
		case '\\': sbuf_addstr(sb, "\\\\"); break;
		case '<': sbuf_addstr(sb, "&lt;"); break;
		case '>': sbuf_addstr(sb, "&gt;"); break;
		case '&': sbuf_addstr(sb, "&amp;"); break;
		case '\r': break;
		case '\n': sbuf_addstr(sb, "<br>"); break;
		default: sbuf_addch(sb, *p);
		}
	}
}

void gen_fixed(struct sbuf *sb, double v, int decimals)
{
	double scale = pow(10, decimals);

	/* round half away from zero, then print: no "-0.00" */
	v = round(v * scale) / scale;
	if (v == 0)
		v = 0;
	sbuf_addf(sb, "%.*f", decimals, v);
}

int gen_resource_name_ok(const char *name)
{
	const char *slash = strchr(name, '/'), *s;
	size_t dlen, nlen;

	if (!slash || strchr(slash + 1, '/'))
		return 0;
	dlen = (size_t)(slash - name);
	nlen = strlen(slash + 1);
	if (dlen == 0 || dlen > 253 || nlen == 0 || nlen > 63)
		return 0;
	/* the domain: a DNS subdomain */
	for (s = name; s < slash; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '.'))
			return 0;
	if (!isalnum((unsigned char)name[0]) || !isalnum((unsigned char)slash[-1]))
		return 0;
	/* the name: alphanumerics, '-', '_', '.', alphanumeric at both ends */
	for (s = slash + 1; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.')
			return 0;
	return isalnum((unsigned char)slash[1]) && isalnum((unsigned char)name[strlen(name) - 1]);
}
