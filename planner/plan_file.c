/*
 * plan_file.c - plan <-> JSON through field tables (see plan_file.h).
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "planner/plan_file.h"
#include "util/err.h"
#include "util/json.h"

enum ftype { F_STR, F_SIZE, F_NUM, F_BOOL };

struct field {
	const char *name;
	enum ftype type;
	size_t off, size;       /* size: buffer size of a string */
	double lo, hi;          /* F_SIZE and F_NUM: the accepted range (NaN allowed as null) */
};

#define STR(s, f) { #f, F_STR, offsetof(struct s, f), sizeof(((struct s *)0)->f), 0, 0 }
/* A string a plan file written before the field existed lacks: "". */
#define OPT_STR(s, f) { #f, F_STR, offsetof(struct s, f), sizeof(((struct s *)0)->f), -1, 0 }
#define SIZE(s, f, lo, hi) { #f, F_SIZE, offsetof(struct s, f), 0, lo, hi }
/* A count or switch a plan file written before the field existed lacks: 0. */
#define OPT_SIZE(s, f, lo, hi) { #f, F_SIZE, offsetof(struct s, f), 1, lo, hi }
#define OPT_BOOL(s, f) { #f, F_BOOL, offsetof(struct s, f), 1, 0, 1 }
#define NUM(s, f) { #f, F_NUM, offsetof(struct s, f), 0, 0, 1e18 }
#define BOOL(s, f) { #f, F_BOOL, offsetof(struct s, f), 0, 0, 1 }

static const struct field cand_fields[] = {
	STR(plan_candidate, model), STR(plan_candidate, hf_repo),
	STR(plan_candidate, gpu), STR(plan_candidate, gpu_name), STR(plan_candidate, gpu_product),
	OPT_STR(plan_candidate, gpu_vendor),
	SIZE(plan_candidate, gpu_count, 1, 1e6),
	SIZE(plan_candidate, tp, 1, 64), SIZE(plan_candidate, pp, 1, 64),
	SIZE(plan_candidate, gpus_per_replica, 1, 4096),
	STR(plan_candidate, precision), STR(plan_candidate, kv_precision),
	STR(plan_candidate, engine), STR(plan_candidate, engine_version),
	STR(plan_candidate, engine_image), STR(plan_candidate, multinode),
	STR(plan_candidate, checkpoint_repo), STR(plan_candidate, checkpoint_file),
	STR(plan_candidate, checkpoint_ollama), STR(plan_candidate, health_path),
	STR(plan_candidate, serving_flags),
	SIZE(plan_candidate, port, 1, 65535),
	SIZE(plan_candidate, replicas, 1, 4096), SIZE(plan_candidate, nodes, 1, 100000),
	SIZE(plan_candidate, owned_gpus, 0, 1e6),
	SIZE(plan_candidate, max_model_len, 1, 16777216),
	SIZE(plan_candidate, max_num_seqs, 0, 1e6), SIZE(plan_candidate, max_batched_tokens, 0, 1e9),
	NUM(plan_candidate, gpu_memory_utilization),
	NUM(plan_candidate, weights_bytes), NUM(plan_candidate, gpu_memory_bytes),
	OPT_SIZE(plan_candidate, kv_room_bytes, 0, 1e15),
	NUM(plan_candidate, qps_per_replica_max), NUM(plan_candidate, prefill_s),
	{ "capex_usd", F_NUM, offsetof(struct plan_candidate, capex_usd), 0, 0, 1e18 },
	SIZE(plan_candidate, unpriced_parts, 0, 100),
	NUM(plan_candidate, usd_per_month), NUM(plan_candidate, energy_usd_per_month),
	NUM(plan_candidate, usd_per_million_tokens),
	NUM(plan_candidate, ttft_p99_s), NUM(plan_candidate, tpot_p99_s),
	BOOL(plan_candidate, simulated),
	OPT_BOOL(plan_candidate, offloaded), OPT_SIZE(plan_candidate, gpu_layers, 0, 100000),
	OPT_BOOL(plan_candidate, eager),
	OPT_SIZE(plan_candidate, host_layers, 0, 100000),
	NUM(plan_candidate, power_w), NUM(plan_candidate, peak_w),
	BOOL(plan_candidate, pareto), STR(plan_candidate, why),
};

static const struct field node_fields[] = {
	STR(plan_node, chassis), STR(plan_node, chassis_kind),
	SIZE(plan_node, rack_units, 0, 64), SIZE(plan_node, gpus, 1, 64),
	SIZE(plan_node, psus, 0, 64), SIZE(plan_node, psus_needed, 0, 64),
	NUM(plan_node, psu_rated_w), STR(plan_node, psu_redundancy),
	SIZE(plan_node, cpu_sockets, 0, 8), SIZE(plan_node, cpu_threads, 0, 4096), SIZE(plan_node, dimms, 0, 256),
	NUM(plan_node, ram_bytes), NUM(plan_node, ssd_bytes),
	SIZE(plan_node, pcie_lanes_needed, 0, 4096), SIZE(plan_node, pcie_lanes, 0, 4096),
	NUM(plan_node, peak_w), NUM(plan_node, typical_w), NUM(plan_node, psu_capacity_w),
	NUM(plan_node, heat_btu_per_h), NUM(plan_node, airflow_cfm),
	NUM(plan_node, load_cold_s), NUM(plan_node, load_warm_s),
	OPT_STR(plan_node, fabric),
};

static const struct field part_fields[] = {
	STR(plan_part, role), STR(plan_part, id), STR(plan_part, name),
	{ "quantity", F_SIZE, offsetof(struct plan_part, qty), 0, 0, 1e7 },
	NUM(plan_part, unit_usd),
	STR(plan_part, price_kind), STR(plan_part, price_source), STR(plan_part, price_as_of),
	STR(plan_part, note),
};

#define NF(t) (sizeof(t) / sizeof((t)[0]))

static void put(json_t *o, const struct field *f, size_t n, const void *base)
{
	const char *p = base;
	size_t i;

	for (i = 0; i < n; i++) {
		const void *v = p + f[i].off;
		json_t *j;

		switch (f[i].type) {
		case F_STR: j = json_string(v); break;
		case F_SIZE: j = json_integer((json_int_t)*(const size_t *)v); break;
		case F_NUM: j = json_num(*(const double *)v); break;
		default: j = json_boolean(*(const int *)v); break;
		}
		json_object_set_new(o, f[i].name, j);
	}
}

json_t *plan_json_candidate(const struct plan_candidate *c)
{
	json_t *o = json_object(), *node = json_object(), *parts = json_array();
	size_t i;

	put(o, cand_fields, NF(cand_fields), c);
	put(node, node_fields, NF(node_fields), &c->node);
	json_object_set_new(o, "node", node);
	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];
		json_t *pj = json_object();
		double ext = p->unit_usd * (double)p->qty;

		put(pj, part_fields, NF(part_fields), p);
		json_object_set_new(pj, "extended_usd", json_num(ext));
		json_array_append_new(parts, pj);
	}
	json_object_set_new(o, "parts", parts);
	return o;
}

json_t *plan_json_result(const struct plan_request *q, const struct plan_result *r)
{
	json_t *o = json_object(), *req = json_object(), *cands = json_array();
	json_t *rej = json_object();
	size_t i;

	json_object_set_new(req, "model", json_string(q->model));
	json_object_set_new(req, "qps", json_num(q->qps));
	json_object_set_new(req, "input_len", json_num(q->input_len));
	json_object_set_new(req, "output_len", json_num(q->output_len));
	json_object_set_new(req, "ttft_p99_s", json_num(q->ttft_p99_s));
	json_object_set_new(req, "tpot_p99_s", json_num(q->tpot_p99_s));
	json_object_set_new(req, "budget_usd", json_num(q->budget_usd));
	json_object_set_new(req, "monthly_budget_usd", json_num(q->monthly_budget_usd));
	json_object_set_new(req, "power_limit_w", json_num(q->power_limit_w));
	json_object_set_new(req, "ram_bytes", json_num(q->ram_bytes));
	json_object_set_new(req, "max_len", json_num(q->max_len));
	json_object_set_new(req, "images", json_integer((json_int_t)q->images));
	json_object_set_new(req, "image_size", q->image_w > 0 ?
			    json_pack("[o,o]", json_num(q->image_w), json_num(q->image_h)) : json_null());
	json_object_set_new(req, "max_model_len", q->max_model_len ?
			    json_integer((json_int_t)q->max_model_len) : json_null());
	json_object_set_new(req, "usd_per_kwh", json_num(q->usd_per_kwh));
	json_object_set_new(req, "pue", json_num(q->pue));
	json_object_set_new(req, "years", json_num(q->years));
	json_object_set_new(o, "request", req);
	for (i = 0; i < r->n; i++)
		json_array_append_new(cands, plan_json_candidate(&r->c[i]));
	json_object_set_new(o, "candidates", cands);
	for (i = 0; i < PLAN_REJECT_COUNT; i++)
		json_object_set_new(rej, plan_reject_name((enum plan_reject)i),
				    json_integer((json_int_t)r->rejected[i]));
	json_object_set_new(o, "rejected", rej);
	rej = json_object();
	for (i = 1; i < PLAN_RULE_COUNT; i++)
		json_object_set_new(rej, plan_rule_name(i), json_integer((json_int_t)r->incompatible[i]));
	json_object_set_new(o, "incompatible", rej);
	json_object_set_new(o, "considered", json_integer((json_int_t)r->considered));
	json_object_set_new(o, "feasible", json_integer((json_int_t)r->feasible));
	json_object_set_new(o, "simulated", json_integer((json_int_t)r->simulated));
	return o;
}

static int get(const json_t *o, const struct field *f, size_t n, void *base,
	       const char *where, struct err *err)
{
	char *p = base;
	size_t i;

	if (!json_is_object(o))
		return err_set(err, ERR_PARSE, "%s: expected an object", where);
	for (i = 0; i < n; i++) {
		const json_t *j = json_object_get(o, f[i].name);
		void *v = p + f[i].off;

		if (!j && f[i].size && (f[i].type == F_SIZE || f[i].type == F_BOOL)) {
			if (f[i].type == F_SIZE)
				*(size_t *)v = 0;
			else
				*(int *)v = 0;
			continue;
		}
		switch (f[i].type) {
		case F_STR: {
			const char *s = json_string_value(j);

			if (!j && f[i].lo < 0) {
				*(char *)v = '\0';
				break;
			}
			if (!s || strlen(s) >= f[i].size || strlen(s) != json_string_length(j))
				return err_set(err, ERR_PARSE, "%s.%s: expected a string of at most %zu bytes "
					       "without NUL", where, f[i].name, f[i].size - 1);
			memcpy(v, s, strlen(s) + 1);
			break;
		}
		case F_SIZE: {
			json_int_t k = json_is_integer(j) ? json_integer_value(j) : -1;

			if (!json_is_integer(j) || (double)k < f[i].lo || (double)k > f[i].hi)
				return err_set(err, ERR_PARSE, "%s.%s: expected an integer from %.0f to %.0f",
					       where, f[i].name, f[i].lo, f[i].hi);
			*(size_t *)v = (size_t)k;
			break;
		}
		case F_NUM:
			if (json_is_null(j)) {
				*(double *)v = NAN;
			} else if (json_is_number(j) && json_number_value(j) >= f[i].lo &&
				   json_number_value(j) <= f[i].hi) {
				*(double *)v = json_number_value(j);
			} else {
				return err_set(err, ERR_PARSE, "%s.%s: expected null or a number from 0 to 1e18",
					       where, f[i].name);
			}
			break;
		default:
			if (!json_is_boolean(j))
				return err_set(err, ERR_PARSE, "%s.%s: expected true or false", where, f[i].name);
			*(int *)v = json_is_true(j);
		}
	}
	return 0;
}

static const struct field req_fields[] = {
	STR(plan_json_request, model), NUM(plan_json_request, qps),
	NUM(plan_json_request, input_len), NUM(plan_json_request, output_len),
	NUM(plan_json_request, ttft_p99_s), NUM(plan_json_request, tpot_p99_s),
	NUM(plan_json_request, usd_per_kwh), NUM(plan_json_request, pue),
	NUM(plan_json_request, years),
};

int plan_json_read_request(struct plan_json_request *out, size_t *ncandidates,
			   const char *buf, size_t len, const char *name, struct err *err)
{
	json_error_t je;
	json_t *doc;
	char where[96];
	int r;

	memset(out, 0, sizeof(*out));
	*ncandidates = 0;
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		return err_set(err, ERR_PARSE, "%.80s:%d:%d: %s", name, je.line, je.column, je.text);
	snprintf(where, sizeof(where), "%.60s: request", name);
	if (!json_is_array(json_object_get(doc, "candidates")))
		r = err_set(err, ERR_PARSE, "%.80s: expected an object with a \"candidates\" array "
			    "(the output of 'rigplan plan --json')", name);
	else if ((r = get(json_object_get(doc, "request"), req_fields, NF(req_fields), out, where,
			  err)) == 0 &&
		 !(out->qps > 0 && out->input_len >= 1 && out->output_len >= 1 &&
		   out->ttft_p99_s > 0 && out->tpot_p99_s > 0))
		r = err_set(err, ERR_PARSE, "%s: qps, input_len, output_len and the objectives must "
			    "be positive numbers", where);
	if (r == 0)
		*ncandidates = json_array_size(json_object_get(doc, "candidates"));
	json_decref(doc);
	return r;
}

int plan_json_read(struct plan_candidate *out, const char *buf, size_t len,
		   const char *name, size_t index, struct err *err)
{
	json_error_t je;
	json_t *doc, *cands, *c, *parts;
	char where[160];
	size_t i;
	int r;

	memset(out, 0, sizeof(*out));
	doc = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		return err_set(err, ERR_PARSE, "%.80s:%d:%d: %s", name, je.line, je.column, je.text);
	cands = json_object_get(doc, "candidates");
	if (!json_is_array(cands)) {
		r = err_set(err, ERR_PARSE, "%.80s: expected an object with a \"candidates\" array "
			    "(the output of 'rigplan plan --json')", name);
		goto out;
	}
	if (index >= json_array_size(cands)) {
		r = err_set(err, ERR_INVAL, "%.80s: candidate %zu asked, the plan has %zu", name,
			    index + 1, json_array_size(cands));
		goto out;
	}
	c = json_array_get(cands, index);
	snprintf(where, sizeof(where), "%.60s: candidates[%zu]", name, index);
	if ((r = get(c, cand_fields, NF(cand_fields), out, where, err)) < 0)
		goto out;
	snprintf(where, sizeof(where), "%.60s: candidates[%zu].node", name, index);
	if ((r = get(json_object_get(c, "node"), node_fields, NF(node_fields), &out->node,
		     where, err)) < 0)
		goto out;
	parts = json_object_get(c, "parts");
	if (!json_is_array(parts) || json_array_size(parts) > PLAN_PARTS_MAX) {
		r = err_set(err, ERR_PARSE, "%.60s: candidates[%zu].parts: expected an array of at most %d "
			    "parts", name, index, PLAN_PARTS_MAX);
		goto out;
	}
	for (i = 0; i < json_array_size(parts); i++) {
		snprintf(where, sizeof(where), "%.60s: candidates[%zu].parts[%zu]", name, index, i);
		if ((r = get(json_array_get(parts, i), part_fields, NF(part_fields),
			     &out->parts[i], where, err)) < 0)
			goto out;
	}
	out->nparts = i;
	if (out->tp * out->pp != out->gpus_per_replica ||
	    out->replicas * out->gpus_per_replica != out->gpu_count) {
		r = err_set(err, ERR_PARSE, "%.60s: candidates[%zu]: tp x pp must be gpus_per_replica "
			    "and replicas x gpus_per_replica gpu_count", name, index);
		goto out;
	}
	if (out->node.fabric[0] && strcmp(out->node.fabric, "infiniband") &&
	    strcmp(out->node.fabric, "ethernet")) {
		r = err_set(err, ERR_PARSE, "%.60s: candidates[%zu].node.fabric '%.20s': expected "
			    "infiniband, ethernet or \"\"", name, index, out->node.fabric);
		goto out;
	}
	r = 0;
out:
	json_decref(doc);
	return r;
}
