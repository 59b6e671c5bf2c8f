/*
 * fuzz_escape.c - libFuzzer: what the generators escape parses back to
 * the same string.  Shell words are read back by the POSIX rules for
 * unquoted words and single quotes (XCU 2.2.2); YAML double-quoted scalars
 * by YAML 1.2's escapes (section 5.7).  Either decoder rejecting what the
 * writer produced, or decoding something else, aborts.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "generators/gen_writer.h"
#include "util/sbuf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One shell word: unquoted runs of safe bytes and '...' quotes. */
static int shell_unquote(struct sbuf *out, const char *w)
{
	const char *p = w;

	if (!*p)
		return -1;
	while (*p) {
		if (*p == '\'') {
			const char *end = strchr(p + 1, '\'');

			if (!end)
				return -1;
			sbuf_add(out, p + 1, (size_t)(end - p - 1));
			p = end + 1;
		} else if (*p == '\\') {
			if (!p[1])
				return -1;
			sbuf_addch(out, p[1]);
			p += 2;
		} else if (strchr(" \t\n|&;<>()$`\"*?[#~", *p)) {
			return -1;      /* would mean something to sh */
		} else {
			sbuf_addch(out, *p++);
		}
	}
	return 0;
}

static int hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 :
	       c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* A YAML double-quoted scalar, escapes as gen_yaml_str writes them. */
static int yaml_unquote(struct sbuf *out, const char *q)
{
	const char *p = q;

	if (*p++ != '"')
		return -1;
	for (; *p && *p != '"'; p++) {
		if ((unsigned char)*p < 0x20 && *p != '\t')
			return -1;      /* raw control bytes are not allowed */
		if (*p != '\\') {
			sbuf_addch(out, *p);
			continue;
		}
		switch (*++p) {
		case '"': sbuf_addch(out, '"'); break;
		case '\\': sbuf_addch(out, '\\'); break;
		case 'n': sbuf_addch(out, '\n'); break;
		case 't': sbuf_addch(out, '\t'); break;
		case 'r': sbuf_addch(out, '\r'); break;
		case 'N': sbuf_addstr(out, "\xc2\x85"); break;
		case 'L': sbuf_addstr(out, "\xe2\x80\xa8"); break;
		case 'P': sbuf_addstr(out, "\xe2\x80\xa9"); break;
		case 'x':
			if (hex(p[1]) < 0 || hex(p[2]) < 0)
				return -1;
			sbuf_addch(out, (char)(hex(p[1]) * 16 + hex(p[2])));
			p += 2;
			break;
		default:
			return -1;
		}
	}
	return *p == '"' && p[1] == '\0' ? 0 : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf in, enc, dec;

	sbuf_init(&in);
	sbuf_add(&in, data, strnlen((const char *)data, size));  /* up to a NUL */
	sbuf_addch(&in, '\0');
	in.len--;

	sbuf_init(&enc);
	sbuf_init(&dec);
	gen_shell_word(&enc, in.buf);
	if (shell_unquote(&dec, enc.buf) < 0 || dec.len != in.len ||
	    memcmp(dec.buf, in.buf, in.len))
		abort();
	sbuf_reset(&enc);
	sbuf_reset(&dec);
	gen_yaml_str(&enc, in.buf);
	if (yaml_unquote(&dec, enc.buf) < 0 || dec.len != in.len ||
	    memcmp(dec.buf, in.buf, in.len))
		abort();
	sbuf_release(&enc);
	sbuf_release(&dec);
	sbuf_release(&in);
	return 0;
}
