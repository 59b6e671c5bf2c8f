/*
 * parts.c - see parts.h.
 */
#include <stdlib.h>
#include <string.h>

#include "bind/parts.h"
#include "catalog/cat.h"
#include "util/err.h"
#include "util/xalloc.h"

const char *const bind_psu_levels[BIND_PSU_LEVELS] = {
	"white", "bronze", "silver", "gold", "platinum", "titanium"
};
static const char *const variants[2] = { "115v-internal", "230v-internal-redundant" };

int bind_parts_load(struct bind_parts *p, struct cat *cat, struct err *err)
{
	struct { void **v; size_t *n; enum cat_kind k; } lists[] = {
		{ (void **)&p->chassis, &p->nchassis, CAT_CHASSIS },
		{ (void **)&p->psu, &p->npsu, CAT_PSU },
		{ (void **)&p->cpu, &p->ncpu, CAT_CPU },
		{ (void **)&p->mem, &p->nmem, CAT_MEMORY },
		{ (void **)&p->ssd, &p->nssd, CAT_SSD },
	};
	size_t i, l, v;
	int r;

	memset(p, 0, sizeof(*p));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if ((r = cat_list(lists[i].v, lists[i].n, cat, lists[i].k, err)) < 0) {
			bind_parts_release(p);
			return r;
		}
	p->chassis_cpu = xcalloc(p->nchassis + 1, sizeof(*p->chassis_cpu));
	for (i = 0; i < p->nchassis; i++)
		if ((r = cat_chassis_cpu_vendor(p->chassis_cpu[i], cat, p->chassis[i].id, err)) < 0) {
			bind_parts_release(p);
			return r;
		}
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
}

void bind_parts_release(struct bind_parts *p)
{
	free(p->chassis);
	free(p->chassis_cpu);
	free(p->psu);
	free(p->cpu);
	free(p->mem);
	free(p->ssd);
	memset(p, 0, sizeof(*p));
}

