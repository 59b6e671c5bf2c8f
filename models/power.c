/*
 * power.c - power from activity, and what the wall sees.
 *
 * GPU: idle + (TDP - idle) * (a * u_mem + b * u_comp), the dynamic part
 * split between the memory system and the tensor units; a and b are fitted
 * to nvidia-smi samples taken while bench/measure ran decode and prefill
 * (tests/data/measure).  Above the cap the firmware lowers clocks; dynamic
 * power of the compute part goes as f V^2 with V roughly proportional to f
 * in the DVFS range, so as f^3 (Weste & Harris, CMOS VLSI Design, 4th ed.,
 * sec. 5.1), which gives the clock a cap allows.  Efficiencies were
 * measured at the TDP cap, so speed is relative to that state.
 */
#include <math.h>
#include <string.h>
#include <strings.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>

#include "models/power.h"
#include "util/err.h"

/* Exponent of dynamic power in clock frequency (see above). */
#define DVFS_EXPONENT 3.0

/* Clock fraction at which the compute part fits under cap. */
static double clock_at(const struct gpu_spec *g, double cap, double u_mem,
		       double u_comp)
{
	double span = g->tdp_w - g->idle_w;
	double room = cap - g->idle_w - span * g->eff.power_mem * u_mem;
	double need = span * g->eff.power_comp * u_comp;

	if (need <= 0 || room >= need)
		return 1.0;
	if (room <= 0)
		return 0.0;
	return pow(room / need, 1.0 / DVFS_EXPONENT);
}

void power_gpu(struct power_gpu_result *out, const struct gpu_spec *g,
	       double cap_w, double u_mem, double u_comp)
{
	double span = g->tdp_w - g->idle_w;
	double cap = isnan(cap_w) ? g->tdp_w : fmin(cap_w, g->tdp_w);
	double demand = g->idle_w + span * (g->eff.power_mem * u_mem +
					    g->eff.power_comp * u_comp);
	double f_cap = clock_at(g, cap, u_mem, u_comp);
	double f_tdp = clock_at(g, g->tdp_w, u_mem, u_comp);

	out->w = fmin(demand, cap);
	out->clock_factor = f_tdp > 0 ? fmin(1.0, f_cap / f_tdp) : 1.0;
	if (out->clock_factor < 0.05)   /* a cap at or below idle */
		out->clock_factor = 0.05;
	out->throttled = out->clock_factor < 1.0;
}

double power_node_dc(const struct host_spec *h, size_t gpus, double gpu_w)
{
	double it = (double)gpus * gpu_w + h->cpu_tdp_w * h->cpu_load +
		    h->dimms * h->dimm_w + h->drives_w + h->nics_w;

	return it * (1 + h->fan_fraction);
}

int psu_efficiency(double *out, const struct psu_curve *c, double load,
		   struct err *err)
{
	gsl_interp *in;
	int status;

	if (c->n == 0)
		return err_set(err, ERR_INVAL, "no PSU efficiency curve");
	if (c->n == 1 || load <= c->load[0]) {
		*out = c->eff[0];
		return 0;
	}
	if (load >= c->load[c->n - 1]) {
		*out = c->eff[c->n - 1];
		return 0;
	}
	in = gsl_interp_alloc(gsl_interp_linear, c->n);
	status = gsl_interp_init(in, c->load, c->eff, c->n);
	if (status == GSL_SUCCESS)
		status = gsl_interp_eval_e(in, c->load, c->eff, load, NULL, out);
	gsl_interp_free(in);
	if (status != GSL_SUCCESS)
		return err_set(err, ERR_NUMERIC, "PSU efficiency curve: %s",
			       gsl_strerror(status));
	return 0;
}

size_t psu_units(double peak_w, double rated_w, enum psu_redundancy r)
{
	size_t n = (size_t)ceil(peak_w / rated_w);

	if (n == 0)
		n = 1;
	switch (r) {
	case PSU_NONE:
		return n;
	case PSU_N1:
		return n + 1;
	case PSU_N2:
		return n + 2;
	case PSU_2N:
		return 2 * n;
	}
	return n;
}

size_t psu_split_units(double host_w, double card_w, size_t cards, double rated_w)
{
	double first, per;

	if (!(host_w <= rated_w) || (cards > 0 && !(card_w <= rated_w)))
		return 0;
	if (cards == 0 || host_w + (double)cards * card_w <= rated_w)
		return 1;
	/* identical cards: the host's unit takes what fits beside it, every
	 * other unit the most whole cards it carries, which no split beats */
	first = floor((rated_w - host_w) / card_w);
	per = floor(rated_w / card_w);
	return 1 + (size_t)ceil(((double)cards - first) / per);
}

int psu_redundancy_parse(enum psu_redundancy *out, const char *s)
{
	static const struct { const char *name; enum psu_redundancy r; } t[] = {
		{ "none", PSU_NONE }, { "n+1", PSU_N1 }, { "n+2", PSU_N2 },
		{ "n+n", PSU_2N }, { "2n", PSU_2N },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (!strcasecmp(s, t[i].name)) {
			*out = t[i].r;
			return 0;
		}
	return -1;
}

const char *psu_redundancy_name(enum psu_redundancy r)
{
	switch (r) {
	case PSU_NONE: return "none";
	case PSU_N1: return "n+1";
	case PSU_N2: return "n+2";
	case PSU_2N: return "n+n";
	}
	return "none";
}
