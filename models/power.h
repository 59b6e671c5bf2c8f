/*
 * power.h - GPU power from how busy its units are, clock throttling at a
 * power cap, node power, PSU efficiency and sizing.  Watts.
 */
#ifndef RIGPLAN_MODELS_POWER_H
#define RIGPLAN_MODELS_POWER_H

#include <stddef.h>
#include "models/spec.h"

struct err;

struct power_gpu_result {
	double w;               /* average draw */
	double clock_factor;    /* compute speed relative to the calibrated state, <= 1 */
	double bw_factor;       /* memory bandwidth relative to it, <= 1 */
	int throttled;          /* the cap holds either below where calibration ran */
};

/*
 * Draw of one GPU whose memory streams a fraction u_mem of the time and
 * whose tensor units run a fraction u_comp, under a cap of cap_w (NaN:
 * the TDP).  A cap the memory part fits under slows only the tensor
 * units (clock_factor); one it does not fit under also slows the stream
 * (bw_factor), in proportion to the power left over idle (power.c says
 * why).  Both are 1 at or above the TDP, never below 0.05, and never
 * rise as the cap falls.
 */
void power_gpu(struct power_gpu_result *out, const struct gpu_spec *g,
	       double cap_w, double u_mem, double u_comp);

/* A recorded draw: the model's utilisations of the load and the mean
 * power measured, with the idle of the run it came from. */
struct power_point {
	double u_mem, u_comp;
	double power_w, idle_w;
	int capped;             /* the power cap held the clocks down */
};

struct power_fit_result {
	double power_mem, power_comp;   /* the efficiency row's a and b */
	int comp_fitted;                /* b from the uncapped draws, not the capped bound */
	double rms, max_abs;            /* relative error over every point */
	size_t n_fit, n;                /* points fitted, points checked */
};

/*
 * Fit a and b of power_gpu to recorded draws of a GPU of tdp_w:
 * (P - idle) / (TDP - idle) = a u_mem + b u_comp by weighted linear least
 * squares (gsl_multifit_wlinear, weights 1/P^2: relative residuals) over
 * the points the cap did not hold.  A capped point only says that its load
 * wanted at least the cap: it is not fitted, but it is predicted as
 * power_gpu does, min(demand, TDP), and counts in rms and max_abs.
 * b stands when the uncapped draws know it: three or more points and a
 * standard error (the covariance scaled by the residual variance) under
 * half of b, two standard errors from zero.  Otherwise b is the least
 * value at which every capped load reaches the cap (comp_prior where none
 * was capped) and a is refitted with it.  a and b stay within the
 * catalog's 0..2.  ERR_INVAL with fewer than two uncapped points,
 * ERR_NUMERIC if GSL fails.
 */
int power_fit(struct power_fit_result *out, const struct power_point *p, size_t n,
	      double tdp_w, double comp_prior, struct err *err);

/* The host around the GPUs (bind/deploy.c fills it from the catalog). */
struct host_spec {
	double cpu_tdp_w;       /* all sockets */
	double cpu_load;        /* fraction of TDP while serving */
	double dimms, dimm_w;
	double drives_w;
	double nics_w;
	double fan_fraction;    /* fans, as a fraction of the rest */
};

/* DC power of one node with `gpus` GPUs drawing gpu_w each. */
double power_node_dc(const struct host_spec *h, size_t gpus, double gpu_w);

/* A PSU efficiency curve: load fractions (ascending) and efficiencies. */
struct psu_curve {
	double load[8], eff[8];
	size_t n;
};

/* Efficiency at a load fraction: linear between the 80 PLUS points, flat
 * beyond them (GSL interpolation).  ERR_INVAL for an empty curve. */
int psu_efficiency(double *out, const struct psu_curve *c, double load,
		   struct err *err);

enum psu_redundancy { PSU_NONE, PSU_N1, PSU_N2, PSU_2N };

/* Units of rated_w needed for peak_w with the redundancy scheme: supplies
 * that share one load (server PSUs on a backplane). */
size_t psu_units(double peak_w, double rated_w, enum psu_redundancy r);

/*
 * Units of rated_w needed when supplies cannot share a load (ATX: each
 * feeds whole devices over its own cables): one carries the host, host_w
 * (board, CPU, memory, drives, fans), and as many cards of card_w as fit;
 * each other carries whole cards.  0 when the host or one card alone is
 * over one unit's rating.  No redundancy: none of them can stand in for
 * another.
 */
size_t psu_split_units(double host_w, double card_w, size_t cards, double rated_w);

/* The schemes as a person writes them, for help and messages. */
#define PSU_REDUNDANCY_NAMES "none, n+1, n+2 or n+n (2n)"

/* "none", "n+1", "n+2", "n+n" or "2n", in any case ("N+1", "2N"); -1
 * when unknown. */
int psu_redundancy_parse(enum psu_redundancy *out, const char *s);

/* The canonical name: "none", "n+1", "n+2" or "n+n" (static). */
const char *psu_redundancy_name(enum psu_redundancy r);

#endif
