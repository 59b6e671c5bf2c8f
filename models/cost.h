/*
 * cost.h - dollars per million tokens and tokens per joule.
 */
#ifndef RIGPLAN_MODELS_COST_H
#define RIGPLAN_MODELS_COST_H

struct cost_spec {
	double capex_usd;       /* NaN: unknown (no price in the catalog) */
	double years;           /* amortization */
	double usd_per_kwh;
	double pue;             /* facility power / IT power */
	double utilization;     /* fraction of the time serving at the modelled rate */
	double rent_usd_per_h;  /* NaN: owned; else replaces capex and energy */
};

struct cost_result {
	double capex_usd_per_h;
	double energy_usd_per_h;
	double usd_per_h;               /* capex + energy, or the rent alone */
	double usd_per_million_tokens;  /* NaN when capex and rent are unknown */
	double energy_usd_per_million_tokens;
	double tokens_per_joule;
};

/* Costs of a deployment producing tokens_per_s while drawing wall_w. */
void cost_eval(struct cost_result *out, const struct cost_spec *c,
	       double tokens_per_s, double wall_w);

#endif
