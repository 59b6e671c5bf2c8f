/*
 * request.c - what a plan is asked: defaults, the checks every request
 * passes before any catalog row is read, and the names of rejections.
 */
#include <math.h>
#include <string.h>

#include "models/defaults.h"
#include "planner/plan_int.h"
#include "util/err.h"

static const char *const reject_names[PLAN_REJECT_COUNT] = {
	"unsupported", "does_not_fit", "misses_slo", "over_budget", "over_power",
	"not_enough_slots", "not_enough_lanes", "no_price", "no_redundant_psus", "incompatible"
};

_Static_assert(PLAN_RULE_COUNT == COMPAT_RULE_COUNT, "plan.h counts bind/compat.h's rules");

const char *plan_rule_name(size_t rule)
{
	return compat_rule_name((enum compat_rule)rule);
}

const char *plan_reject_name(enum plan_reject r)
{
	return (unsigned)r < PLAN_REJECT_COUNT ? reject_names[r] : "?";
}

double plan_prompt(const struct plan_request *q)
{
	return q->input_len + (double)(q->images * q->image_tokens);
}

/* The longest request the deployment must admit: prompt plus output. */
double plan_longest(const struct plan_request *q)
{
	double mean = plan_prompt(q) + q->output_len;

	return isnan(q->max_len) || q->max_len < mean ? mean : q->max_len;
}

void plan_request_init(struct plan_request *q)
{
	memset(q, 0, sizeof(*q));
	q->qps = q->input_len = q->output_len = NAN;
	q->ttft_p99_s = q->tpot_p99_s = NAN;
	q->budget_usd = q->monthly_budget_usd = q->power_limit_w = q->ram_bytes = NAN;
	q->max_len = NAN;
	q->mem_fraction = NAN;
	q->top_k = 5;
	q->verify = 10;
	q->sim_requests = 2000;
	q->seed = 1;
	q->usd_per_kwh = host_default(HOST_USD_PER_KWH);
	q->pue = host_default(HOST_PUE);
	q->years = host_default(HOST_YEARS);
}

int plan_request_check(const struct plan_request *q, struct err *err)
{
	if (!q->model)
		return err_set(err, ERR_INVAL, "a model is required (--model)");
	if (!(q->qps > 0) || !isfinite(q->qps))
		return err_set(err, ERR_INVAL, "request rate %g: expected a positive number of requests/s", q->qps);
	if (!(q->input_len >= 1) || !(q->output_len >= 1) || q->input_len > 1e7 || q->output_len > 1e7)
		return err_set(err, ERR_INVAL, "lengths %g/%g: expected whole tokens from 1 to 10000000",
			       q->input_len, q->output_len);
	if (!(q->ttft_p99_s > 0) || !(q->tpot_p99_s > 0))
		return err_set(err, ERR_INVAL, "objectives %g/%g s: expected positive p99 TTFT and TPOT",
			       q->ttft_p99_s, q->tpot_p99_s);
	return 0;
}
