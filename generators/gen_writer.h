/*
 * gen_writer.h - escaping for every text format rigplan writes, so that a
 * name from a catalog, a plan file or the command line stays one inert
 * value whatever it holds (quotes, newlines, ": ", "$()", NUL-free bytes
 * of any kind).  Each function appends to an sbuf; none allocates
 * anything else, reads the clock or the environment.
 *
 *   shell     POSIX sh words: bare when every byte is in a safe set, else
 *             single-quoted with ' written as '\'' (no expansion of any
 *             kind happens inside single quotes; POSIX 2.2.2).
 *   YAML      a double-quoted scalar (YAML 1.2, 7.3.1): \ and " escaped,
 *             control characters and the Unicode line breaks (U+0085,
 *             U+2028, U+2029) as escapes, so no string can end the
 *             scalar, start a comment or change the indentation.
 *   noexpand  the YAML scalar with every $ doubled, for values that are
 *             expanded after YAML is read: Compose interpolates $VAR and
 *             ${VAR} in every value of its file, Kubernetes expands
 *             $(VAR) in a container's command, args and env values, and
 *             both read "$$" as one literal $.
 *   CSV       RFC 4180: a field with a comma, quote, CR, LF or an outer
 *             blank is quoted with quotes doubled; a field a spreadsheet
 *             would run as a formula (=, @, tab, CR first, or + or - not
 *             starting a plain number) gets a leading ' (OWASP CSV
 *             injection).
 *   Markdown  a table cell: | and \ escaped, line breaks as <br>, and
 *             < > & as entities so that no HTML gets through.
 *   numbers   fixed decimals, "-0" written as "0": the same value always
 *             prints the same bytes.
 */
#ifndef RIGPLAN_GENERATORS_GEN_WRITER_H
#define RIGPLAN_GENERATORS_GEN_WRITER_H

#include "util/sbuf.h"

void gen_shell_word(struct sbuf *sb, const char *s);
void gen_yaml_str(struct sbuf *sb, const char *s);
void gen_yaml_noexpand(struct sbuf *sb, const char *s);
void gen_csv_field(struct sbuf *sb, const char *s);
void gen_md_cell(struct sbuf *sb, const char *s);
void gen_fixed(struct sbuf *sb, double v, int decimals);

/* Whether `name` is a Kubernetes extended resource name (domain/name:
 * a DNS subdomain, then at most 63 alphanumerics, '-', '_', '.'). */
int gen_resource_name_ok(const char *name);

#endif
