/*
 * completion.c - bash and zsh completion, written from the command and
 * option tables (`rigplan help --completion bash|zsh`; the build installs
 * both).  Commands, options, what each option's value is (its argname,
 * opt.h) and what each operand is (the synopsis words) all come from the
 * tables the parser and --help use; value words come from the tables that
 * check them (catalog kinds, models/fmt.h formats), and catalog ids are
 * asked of rigplan itself when completing, so they follow the user's
 * overlay.  No option is named here.  zsh runs the bash function through
 * bashcompinit.
 */
#include "cli/cmd.h"
#include "catalog/cat.h"
#include "models/fmt.h"
#include "util/sbuf.h"

#include <getopt.h>
#include <string.h>

const char *const cmd_completion_shells[] = { "bash", "zsh", NULL };

/* Append the words of a list ("a, b, c" or "a|b|c") comma-separated. */
static void words(struct sbuf *sb, const char *list)
{
	int sep = 0;

	for (; *list; list++) {
		if (*list == ',' || *list == '|' || *list == ' ') {
			sep = 1;
			continue;
		}
		if (sep)
			sbuf_addch(sb, ',');
		sep = 0;
		sbuf_addch(sb, *list);
	}
}

/*
 * The completion type of an argname or a synopsis operand, as the script
 * reads it (see _rigplan_value):
 *   f  a path        d  a directory   k  a catalog kind
 *   i  an id of the kind the operand before names
 *   i:KIND  an id of KIND            w:A,B  one of the words
 *   c  a command     -  free text (a number, a name): nothing to offer
 * then "+" for a comma-separated list (NAME,...), "..." for an operand
 * that repeats ([COMMAND...]).
 */
static void value_type(struct sbuf *sb, const char *name)
{
	char w[32];
	size_t n;
	const char *more = "";
	enum cat_kind kind;
	const char *const *sh;

	name += *name == '[';
	n = strcspn(name, "]");
	if (n > 4 && strncmp(name + n - 4, ",...", 4) == 0) {
		more = "+";
		n -= 4;
	} else if (n > 3 && strncmp(name + n - 3, "...", 3) == 0) {
		more = "...";
		n -= 3;
	}
	snprintf(w, sizeof(w), "%.*s", (int)n, name);
	if (strncmp(w, "FILE", 4) == 0) {
		sbuf_addstr(sb, "f");
	} else if (strcmp(w, "DIR") == 0) {
		sbuf_addstr(sb, "d");
	} else if (strcmp(w, "KIND") == 0) {
		sbuf_addstr(sb, "k");
	} else if (strcmp(w, "ID") == 0) {
		sbuf_addstr(sb, "i");
	} else if (strcmp(w, "COMMAND") == 0) {
		sbuf_addstr(sb, "c");
	} else if (strcmp(w, "P") == 0) {
		sbuf_addstr(sb, "w:");
		words(sb, fmt_weight_names());
	} else if (strcmp(w, "KV") == 0) {
		sbuf_addstr(sb, "w:");
		words(sb, fmt_kv_names());
	} else if (strcmp(w, "SHELL") == 0) {
		sbuf_addstr(sb, "w:");
		for (sh = cmd_completion_shells; *sh; sh++)
			sbuf_addf(sb, "%s%s", sh == cmd_completion_shells ? "" : ",", *sh);
	} else if (strchr(w, '|')) {
		sbuf_addstr(sb, "w:");
		words(sb, w);
	} else if (cat_kind_parse(&kind, w, NULL) == 0) {
		sbuf_addf(sb, "i:%s", cat_kind_info(kind)->plural);
	} else {
		sbuf_addstr(sb, "-");
		more = "";
	}
	sbuf_addstr(sb, more);
}

/* One case of _rigplan_table: a command path and what its table says. */
static void table_case(struct sbuf *sb, const char *path, const struct opt_spec *opts,
		       const struct cmd_entry *const *subs, const char *operands)
{
	const struct opt_spec *o;
	size_t i;

	sbuf_addf(sb, "\t\"%s\") opts=\"", path);
	for (o = opts; o && o->name; o++)
		sbuf_addf(sb, "--%s ", o->name);
	sbuf_addstr(sb, "--help\"\n\t\tvals=\"");
	for (o = opts; o && o->name; o++) {
		if (o->has_arg != required_argument)
			continue;
		sbuf_addf(sb, " --%s=", o->name);
		value_type(sb, o->argname ? o->argname : "");
		if (o->short_name) {
			sbuf_addf(sb, " -%c=", o->short_name);
			value_type(sb, o->argname ? o->argname : "");
		}
	}
	sbuf_addstr(sb, "\"\n\t\tsubs=\"");
	for (i = 0; subs && subs[i]; i++)
		sbuf_addf(sb, "%s%s", i ? " " : "", subs[i]->name);
	sbuf_addstr(sb, "\"; ops=\"");
	while (operands && *operands) {
		size_t n = strcspn(operands, " ");
		char w[64];

		snprintf(w, sizeof(w), "%.*s", (int)n, operands);
		value_type(sb, w);
		operands += n;
		operands += strspn(operands, " ");
		if (*operands)
			sbuf_addch(sb, ' ');
	}
	sbuf_addstr(sb, "\" ;;\n");
}

static void cases(struct sbuf *sb, const struct cmd_entry *const *t, const char *parent)
{
	size_t i;

	for (i = 0; t[i]; i++) {
		const struct cmd_entry *e = t[i];
		char path[128];

		snprintf(path, sizeof(path), "%s%s%s", parent, *parent ? " " : "", e->name);
		table_case(sb, path, e->opts, e->subs, e->operands);
		if (e->subs)
			cases(sb, e->subs, path);
	}
}

/* The catalog's kinds, singular and plural, as `catalog list` takes them. */
static void kinds(struct sbuf *sb)
{
	size_t i;

	for (i = 0; i < CAT_KIND_COUNT; i++) {
		const struct cat_kind_info *ki = cat_kind_info((enum cat_kind)i);

		sbuf_addf(sb, "%s%s", i ? " " : "", ki->table);
		if (strcmp(ki->table, ki->plural))
			sbuf_addf(sb, " %s", ki->plural);
	}
}

/*
 * The script.  It must run in bash and in zsh's bashcompinit (sh emulation
 * with KSH_ARRAYS): no "path" variable (zsh ties it to PATH), no glob
 * characters in the words it splits.
 */
static void bash(struct sbuf *sb)
{
	sbuf_addstr(sb,
		"# bash completion for rigplan, generated by `rigplan help --completion bash`\n"
		"# from its command and option tables.\n"
		"_rigplan_ids() {\n"
		"\t\"${COMP_WORDS[0]}\" catalog list \"$1\" --csv 2>/dev/null | sed '1d; s/,.*//'\n"
		"}\n"
		"# COMPREPLY for a value of type $1 (see _rigplan_table) typed as $2;\n"
		"# $3 goes before each word\n"
		"_rigplan_value() {\n"
		"\tlocal t=$1 cur=$2 pre=$3\n"
		"\tcase $t in *+)\n"
		"\t\tt=${t%+}\n"
		"\t\tcase $cur in *,*) pre=$pre${cur%,*},; cur=${cur##*,} ;; esac ;;\n"
		"\tesac\n"
		"\tcase $t in\n"
		"\tf) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
		"\td) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n"
		"\tk) COMPREPLY=($(compgen -W \"");
	kinds(sb);
	sbuf_addstr(sb, "\" -- \"$cur\")) ;;\n"
		"\ti) COMPREPLY=($(compgen -W \"$(_rigplan_ids \"$kind\")\" -- \"$cur\")) ;;\n"
		"\ti:*) COMPREPLY=($(compgen -W \"$(_rigplan_ids \"${t#i:}\")\" -- \"$cur\")) ;;\n"
		"\tw:*) t=${t#w:}; COMPREPLY=($(compgen -W \"${t//,/ }\" -- \"$cur\")) ;;\n"
		"\tc) _rigplan_table \"${args[*]}\"; COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\")) ;;\n"
		"\tesac\n"
		"\t[ -z \"$pre\" ] || COMPREPLY=(\"${COMPREPLY[@]/#/$pre}\")\n"
		"}\n"
		"# t: the type of option $1's value in the current table; empty: it takes none\n"
		"_rigplan_type() {\n"
		"\tlocal v\n"
		"\tt=\n"
		"\tfor v in $vals; do\n"
		"\t\tif [ \"${v%%=*}\" = \"$1\" ]; then t=${v#*=}; return; fi\n"
		"\tdone\n"
		"}\n"
		"_rigplan() {\n"
		"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
		"\tlocal cmdpath= opts= subs= vals= ops= w= t= i kind=\n"
		"\tlocal -a args=()\n"
		"\tCOMPREPLY=()\n"
		"\t_rigplan_table \"\"\n"
		"\t# the words before this one: command names descend, options skip\n"
		"\t# their values, the rest are operands\n"
		"\tfor ((i = 1; i < COMP_CWORD; i++)); do\n"
		"\t\tw=${COMP_WORDS[i]}\n"
		"\t\tcase $w in\n"
		"\t\t-*=*) ;;\n"
		"\t\t-*)\n"
		"\t\t\t_rigplan_type \"$w\"\n"
		"\t\t\tif [ -n \"$t\" ] && [ $((i + 1)) -lt $COMP_CWORD ]; then\n"
		"\t\t\t\ti=$((i + 1))\n"
		"\t\t\t\tif [ \"${COMP_WORDS[i]}\" = = ] && [ $((i + 1)) -lt $COMP_CWORD ]; then i=$((i + 1)); fi\n"
		"\t\t\tfi ;;\n"
		"\t\t*)\n"
		"\t\t\tcase \" $subs \" in\n"
		"\t\t\t*\" $w \"*) cmdpath=${cmdpath:+$cmdpath }$w; _rigplan_table \"$cmdpath\" ;;\n"
		"\t\t\t*) args+=(\"$w\") ;;\n"
		"\t\t\tesac ;;\n"
		"\t\tesac\n"
		"\tdone\n"
		"\t# an option's value: '--opt VALUE', or '--opt=VALUE' (one word in zsh,\n"
		"\t# three in bash)\n"
		"\tw=$prev\n"
		"\tif [ \"$cur\" = = ]; then cur=; elif [ \"$prev\" = = ]; then w=${COMP_WORDS[COMP_CWORD-2]}; fi\n"
		"\tcase $w in -*)\n"
		"\t\t_rigplan_type \"$w\"\n"
		"\t\tif [ -n \"$t\" ]; then _rigplan_value \"$t\" \"$cur\" \"\"; return; fi ;;\n"
		"\tesac\n"
		"\tcase $cur in\n"
		"\t-*=*)\n"
		"\t\t_rigplan_type \"${cur%%=*}\"\n"
		"\t\tif [ -n \"$t\" ]; then _rigplan_value \"$t\" \"${cur#*=}\" \"${cur%%=*}=\"; fi\n"
		"\t\treturn ;;\n"
		"\t-*) COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return ;;\n"
		"\tesac\n"
		"\tif [ -n \"$subs\" ]; then COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\")); return; fi\n"
		"\t# an operand: its type from the synopsis; a last one marked ... repeats\n"
		"\tset -- $ops\n"
		"\t[ $# -gt 0 ] || return\n"
		"\tif [ ${#args[@]} -lt $# ]; then\n"
		"\t\tshift ${#args[@]}; t=$1\n"
		"\telse\n"
		"\t\teval \"t=\\${$#}\"\n"
		"\t\tcase $t in *...) ;; *) return ;; esac\n"
		"\tfi\n"
		"\t[ ${#args[@]} = 0 ] || kind=${args[${#args[@]}-1]}\n"
		"\t_rigplan_value \"${t%...}\" \"$cur\" \"\"\n"
		"}\n"
		"# a command path's options (opts), the type of each option's value\n"
		"# (vals: --name=TYPE, types as in _rigplan_value), its subcommands (subs)\n"
		"# and the types of its operands (ops); '' is rigplan itself\n"
		"_rigplan_table() {\n"
		"\topts= vals= subs= ops=\n"
		"\tcase $1 in\n");
	table_case(sb, "", cli_global_opts, cmd_root(), NULL);
	cases(sb, cmd_root(), "");
	sbuf_addstr(sb, "\tesac\n}\ncomplete -o filenames -F _rigplan rigplan\n");
}

int cmd_completion(struct sbuf *sb, const char *shell)
{
	if (strcmp(shell, "bash") == 0) {
		bash(sb);
		return 0;
	}
	if (strcmp(shell, "zsh") == 0) {
		sbuf_addstr(sb, "#compdef rigplan\n"
			"# zsh completion for rigplan: the bash completion through bashcompinit.\n"
			"autoload -U +X bashcompinit && bashcompinit\n");
		bash(sb);
		return 0;
	}
	return -1;
}
