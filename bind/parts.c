/*
 * parts.c - see parts.h.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bind/parts.h"
#include "catalog/cat.h"
#include "util/err.h"
#include "util/xalloc.h"

const char *const bind_psu_levels[BIND_PSU_LEVELS] = {
	"white", "bronze", "silver", "gold", "platinum", "titanium"
};
static const char *const variants[2] = { "115v-internal", "230v-internal-redundant" };

const struct cat_platform *bind_platform(const struct bind_parts *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->nplatform; i++)
		if (!strcmp(p->platform[i].id, id))
			return &p->platform[i];
	return NULL;
}

int bind_list_has(const char *list, const char *word)
{
	size_t n = strlen(word);
	const char *s = list;

	while (*s) {
		size_t len = strcspn(s, ",");

		while (len && s[0] == ' ')
			s++, len--;
		if (len == n && !strncasecmp(s, word, n))
			return 1;
		s += len;
		if (*s == ',')
			s++;
	}
	return 0;
}

/* Point each chassis at its row of a table keyed by chassis id (rows
 * sorted by id, as the catalog returns them). */
#define LINK_BY_ID(out, rows, nrows)						\
	do {									\
		size_t i_, j_;							\
		(out) = xcalloc(p->nchassis + 1, sizeof(*(out)));		\
		for (i_ = 0; i_ < p->nchassis; i_++)				\
			for (j_ = 0; j_ < (nrows); j_++)			\
				if (!strcmp((rows)[j_].id, p->chassis[i_].id))	\
					(out)[i_] = &(rows)[j_];		\
	} while (0)

static int link_cpus(struct bind_parts *p, struct cat *cat, struct err *err)
{
	struct cat_cpu_platform *cp = NULL;
	size_t n = 0, i, j;
	int r;

	if ((r = cat_cpu_platforms(&cp, &n, cat, err)) < 0)
		return r;
	p->cpu_platform = xcalloc(p->ncpu + 1, sizeof(*p->cpu_platform));
	for (i = 0; i < p->ncpu; i++)
		for (j = 0; j < n; j++)
			if (!strcmp(cp[j].id, p->cpu[i].id))
				p->cpu_platform[i] = bind_platform(p, cp[j].platform);
	free(cp);
	p->board_platform = xcalloc(p->nboard + 1, sizeof(*p->board_platform));
	for (i = 0; i < p->nboard; i++)
		p->board_platform[i] = bind_platform(p, p->board[i].platform);
	return 0;
}

int bind_parts_load(struct bind_parts *p, struct cat *cat, struct err *err)
{
	struct { void **v; size_t *n; enum cat_kind k; } lists[] = {
		{ (void **)&p->chassis, &p->nchassis, CAT_CHASSIS },
		{ (void **)&p->psu, &p->npsu, CAT_PSU },
		{ (void **)&p->cpu, &p->ncpu, CAT_CPU },
		{ (void **)&p->mem, &p->nmem, CAT_MEMORY },
		{ (void **)&p->ssd, &p->nssd, CAT_SSD },
		{ (void **)&p->platform, &p->nplatform, CAT_PLATFORM },
		{ (void **)&p->board, &p->nboard, CAT_MOTHERBOARD },
		{ (void **)&p->cooler, &p->ncooler, CAT_COOLER },
		{ (void **)&p->net, &p->nnet, CAT_NETPART },
	};
	size_t i, l, v;
	int r;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if ((r = cat_list(lists[i].v, lists[i].n, cat, lists[i].k, err)) < 0)
			goto fail;
	if ((r = cat_chassis_boards(&p->boards_of_chassis, &p->nboards_of_chassis, cat, err)) < 0 ||
	    (r = cat_chassis_layouts(&p->layouts, &p->nlayouts, cat, err)) < 0 ||
	    (r = cat_systems(&p->systems, &p->nsystems, cat, err)) < 0 ||
	    (r = link_cpus(p, cat, err)) < 0)
		goto fail;
	LINK_BY_ID(p->chassis_board, p->boards_of_chassis, p->nboards_of_chassis);
	LINK_BY_ID(p->chassis_layout, p->layouts, p->nlayouts);
	LINK_BY_ID(p->chassis_system, p->systems, p->nsystems);
	for (l = 0; l < BIND_PSU_LEVELS; l++)
		for (v = 0; v < 2; v++) {
			struct psu_curve *c = &p->curve[l][v];
			struct err e = ERR_INIT;

			/* titanium has a 10% point; white has no redundant table */
			if (cat_psu_curve(c->load, c->eff, &c->n, 8, cat, bind_psu_levels[l],
					  variants[v], &e) < 0)
				c->n = 0;
		}
	return 0;
fail:
	bind_parts_release(p);
	return r;
}

void bind_parts_release(struct bind_parts *p)
{
	free(p->chassis);
	free(p->chassis_board);
	free(p->chassis_layout);
	free(p->chassis_system);
	free(p->boards_of_chassis);
	free(p->layouts);
	free(p->systems);
	free(p->platform);
	free(p->cpu_platform);
	free(p->board_platform);
	free(p->board);
	free(p->cooler);
	free(p->net);
	free(p->psu);
	free(p->cpu);
	free(p->mem);
	free(p->ssd);
	memset(p, 0, sizeof(*p));
}
