/*
 * cost.c - capex amortized straight-line over the years given, energy at
 * the wall times PUE times the price per kWh, spread over the tokens made
 * at the utilization given.  Idle time still draws power: energy is paid
 * for every hour, tokens only for the utilized ones.  A rent replaces
 * both: hourly GPU rental prices include the power and cooling (the
 * energy figures are still computed, as what the rent covers).
 */
#include <math.h>

#include "models/cost.h"

#define HOURS_PER_YEAR 8766.0   /* 365.25 days */
#define SECONDS_PER_HOUR 3600.0
#define WATTS_PER_KW 1000.0

void cost_eval(struct cost_result *out, const struct cost_spec *c,
	       double tokens_per_s, double wall_w)
{
	double tokens_per_h = tokens_per_s * SECONDS_PER_HOUR * c->utilization;

	out->capex_usd_per_h = !isnan(c->rent_usd_per_h) ? c->rent_usd_per_h :
			       c->capex_usd / (c->years * HOURS_PER_YEAR);
	out->energy_usd_per_h = wall_w / WATTS_PER_KW * c->pue * c->usd_per_kwh;
	out->usd_per_h = !isnan(c->rent_usd_per_h) ? c->rent_usd_per_h :
			 out->capex_usd_per_h + out->energy_usd_per_h;
	out->usd_per_million_tokens = tokens_per_h > 0 ? out->usd_per_h / tokens_per_h * 1e6 : NAN;
	out->energy_usd_per_million_tokens = tokens_per_h > 0 ?
		out->energy_usd_per_h / tokens_per_h * 1e6 : NAN;
	out->tokens_per_joule = wall_w > 0 ? tokens_per_s / wall_w : NAN;
}
