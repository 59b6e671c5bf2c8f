/*
 * t_cost.c - cost.c: capex amortized, energy at the wall with PUE, dollars per
 * million tokens, each against a case worked by hand in
 * the comment above it.
 */
#include "tests/testlib.h"
#include "models/cost.h"
#include "util/err.h"

#include <math.h>
#include <string.h>

/*
 * $30,000 over 3 years = 30000 / (3 x 8766) = 1.140771 $/h; 1000 W at the
 * wall x PUE 1.56 x $0.127/kWh = 0.19812 $/h; 1000 tokens/s at 50%
 * utilization = 1.8 M tokens/h: (1.140771 + 0.19812) / 1.8 = 0.743828 $
 * per million, of which energy 0.110067; 1000 tokens/s / 1000 W = 1 token
 * per joule.  Renting at $2/h instead, power included in the rent:
 * 2 / 1.8 = 1.111111 (the 0.19812 $/h of energy is the rent's to pay).
 */
static void cost(void)
{
	struct cost_spec c = { 30000, 3, 0.127, 1.56, 0.5, NAN };
	struct cost_result r;

	cost_eval(&r, &c, 1000, 1000);
	test_rel(r.capex_usd_per_h, 1.140771, 1e-6, "capex 1.140771 $/h");
	test_rel(r.energy_usd_per_h, 0.19812, 1e-12, "energy 0.19812 $/h");
	test_rel(r.usd_per_million_tokens, 0.743828, 1e-6, "%.6f $/M tokens (worked 0.743828)",
		 r.usd_per_million_tokens);
	test_rel(r.energy_usd_per_million_tokens, 0.110067, 1e-5, "energy 0.110067 $/M tokens");
	test_rel(r.tokens_per_joule, 1, 1e-12, "1 token per joule");
	c.rent_usd_per_h = 2;
	cost_eval(&r, &c, 1000, 1000);
	test_rel(r.usd_per_million_tokens, 1.111111, 1e-6, "rented: 1.111111 $/M tokens, not 1.221178");
	test_rel(r.usd_per_h, 2, 1e-12, "rented: the rent is the hourly cost");
	test_rel(r.energy_usd_per_h, 0.19812, 1e-12, "... the energy it covers still shown");
	c.capex_usd = NAN;
	c.rent_usd_per_h = NAN;
	cost_eval(&r, &c, 1000, 1000);
	test_ok(isnan(r.usd_per_million_tokens), "no price: no $/M tokens");
	test_rel(r.energy_usd_per_million_tokens, 0.110067, 1e-5, "no price: energy still known");
}

int main(void)
{
	cost();
	return test_done();
}
