/*
 * bench_cat.h - the catalog the benchmarks read: $RIGPLAN_CATALOG (make
 * bench sets the build tree's) or data/catalog.db, never a user overlay,
 * so a developer's own rows do not change a figure.
 */
#ifndef RIGPLAN_BENCH_CAT_H
#define RIGPLAN_BENCH_CAT_H

struct cat;

/* NULL after printing "prog: error" to stderr. */
struct cat *bench_catalog(const char *prog);

#endif
