/*
 * gen_bom.c - the bill of materials: every part with quantity, unit
 * price, where the price comes from and when it was seen, the extended
 * price and the total of the priced lines; then the power budget (peak
 * and typical, PSU capacity and headroom with the redundancy) and the
 * heat to remove.  CSV (RFC 4180, formula-safe), Markdown or JSON.
 * Prices print with two decimals; an unpriced line is empty in CSV,
 * "-" in Markdown and null in JSON, and the total says how many lines
 * it leaves out.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "generators/gen_deploy.h"
#include "generators/gen_writer.h"
#include "util/err.h"
#include "util/json.h"

static double total_usd(const struct plan_candidate *c, size_t *unpriced)
{
	double t = 0;
	size_t i;

	*unpriced = 0;
	for (i = 0; i < c->nparts; i++) {
		if (isnan(c->parts[i].unit_usd))
			(*unpriced)++;
		else
			t += c->parts[i].unit_usd * (double)c->parts[i].qty;
	}
	return t;
}

static void money(struct sbuf *sb, double v)
{
	if (!isnan(v))
		gen_fixed(sb, v, 2);
}

static void csv_row(struct sbuf *sb, const char *const *cells, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			sbuf_addch(sb, ',');
		gen_csv_field(sb, cells[i]);
	}
	sbuf_addstr(sb, "\r\n");
}

static void bom_csv(struct sbuf *sb, const struct plan_candidate *c)
{
	static const char *const head[] = {
		"role", "id", "name", "quantity", "unit_usd", "extended_usd", "price_kind",
		"price_source", "price_as_of", "note"
	};
	struct sbuf a, b;
	size_t i, unpriced;
	double total = total_usd(c, &unpriced);
	char qty[32], note[64];

	sbuf_init(&a);
	sbuf_init(&b);
	csv_row(sb, head, 10);
	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];
		const char *cells[10];

		sbuf_reset(&a);
		sbuf_reset(&b);
		money(&a, p->unit_usd);
		money(&b, p->unit_usd * (double)p->qty);
		snprintf(qty, sizeof(qty), "%zu", p->qty);
		cells[0] = p->role; cells[1] = p->id; cells[2] = p->name; cells[3] = qty;
		cells[4] = a.buf ? a.buf : ""; cells[5] = b.buf ? b.buf : "";
		cells[6] = p->price_kind; cells[7] = p->price_source; cells[8] = p->price_as_of;
		cells[9] = p->note;
		csv_row(sb, cells, 10);
	}
	sbuf_reset(&b);
	gen_fixed(&b, total, 2);
	snprintf(note, sizeof(note), "%zu line%s without a sourced price not included", unpriced,
		 unpriced == 1 ? "" : "s");
	{
		const char *cells[10] = { "total", "", "", "", "", b.buf, "", "", "", note };

		csv_row(sb, cells, 10);
	}
	sbuf_release(&a);
	sbuf_release(&b);
}

static void md_text(struct sbuf *sb, const char *s)
{
	gen_md_cell(sb, s);
}

static void bom_md(struct sbuf *sb, const struct plan_candidate *c)
{
	size_t i, unpriced;
	double total = total_usd(c, &unpriced);
	const struct plan_node *n = &c->node;

	sbuf_addstr(sb, "# Bill of materials: ");
	md_text(sb, c->model);
	sbuf_addf(sb, " on %zu x ", c->gpu_count);
	md_text(sb, c->gpu);
	sbuf_addf(sb, ", %zu node%s\n\n", c->nodes, c->nodes == 1 ? "" : "s");
	sbuf_addstr(sb, "| Role | Part | Qty | Unit (USD) | Extended (USD) | Price source | As of | Note |\n"
		    "|---|---|---:|---:|---:|---|---|---|\n");
	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];

		sbuf_addstr(sb, "| ");
		md_text(sb, p->role);
		sbuf_addstr(sb, " | ");
		md_text(sb, p->name);
		sbuf_addf(sb, " | %zu | ", p->qty);
		if (isnan(p->unit_usd))
			sbuf_addstr(sb, "-");
		money(sb, p->unit_usd);
		sbuf_addstr(sb, " | ");
		if (isnan(p->unit_usd))
			sbuf_addstr(sb, "-");
		money(sb, p->unit_usd * (double)p->qty);
		sbuf_addstr(sb, " | ");
		md_text(sb, p->price_kind[0] ? p->price_kind : "");
		if (p->price_source[0]) {
			sbuf_addstr(sb, ": ");
			md_text(sb, p->price_source);
		}
		sbuf_addstr(sb, " | ");
		md_text(sb, p->price_as_of);
		sbuf_addstr(sb, " | ");
		md_text(sb, p->note);
		sbuf_addstr(sb, " |\n");
	}
	sbuf_addstr(sb, "| **Total** | | | | **");
	gen_fixed(sb, total, 2);
	sbuf_addf(sb, "** | %zu line%s without a sourced price not included | | |\n\n", unpriced,
		  unpriced == 1 ? "" : "s");
	sbuf_addstr(sb, "## Power and heat, per node\n\n");
	sbuf_addstr(sb, "| Figure | Value |\n|---|---:|\n");
	sbuf_addstr(sb, "| Peak draw (DC, GPUs at TDP) | ");
	gen_fixed(sb, n->peak_w, 0);
	sbuf_addstr(sb, " W |\n| Typical draw at the wall, planned load | ");
	gen_fixed(sb, n->typical_w, 0);
	sbuf_addf(sb, " W |\n| PSUs | %zu x ", n->psus);
	gen_fixed(sb, n->psu_rated_w, 0);
	sbuf_addf(sb, " W, %zu carr%s the load (", n->psus_needed,
		  n->psus_needed == 1 ? "ies" : "y");
	md_text(sb, n->psu_redundancy);
	sbuf_addstr(sb, ") |\n| PSU capacity without the redundant units | ");
	gen_fixed(sb, n->psu_capacity_w, 0);
	sbuf_addstr(sb, " W |\n| Headroom over peak | ");
	gen_fixed(sb, n->psu_capacity_w > 0 ? 100 * (1 - n->peak_w / n->psu_capacity_w) : 0, 1);
	sbuf_addstr(sb, "% |\n| Heat at peak | ");
	gen_fixed(sb, n->heat_btu_per_h, 0);
	sbuf_addstr(sb, " BTU/h |\n| Airflow at peak, 15 K rise | ");
	gen_fixed(sb, n->airflow_cfm, 0);
	sbuf_addstr(sb, " CFM |\n");
}

static void bom_json(struct sbuf *sb, const struct plan_candidate *c)
{
	json_t *o = json_object(), *parts = json_array(), *pw = json_object();
	size_t i, unpriced;
	double total = total_usd(c, &unpriced);
	char *text;

	for (i = 0; i < c->nparts; i++) {
		const struct plan_part *p = &c->parts[i];

		json_array_append_new(parts, json_pack("{s:s,s:s,s:s,s:I,s:o,s:o,s:s,s:s,s:s,s:s}",
			"role", p->role, "id", p->id, "name", p->name, "quantity", (json_int_t)p->qty,
			"unit_usd", json_num(p->unit_usd),
			"extended_usd", json_num(p->unit_usd * (double)p->qty),
			"price_kind", p->price_kind, "price_source", p->price_source,
			"price_as_of", p->price_as_of, "note", p->note));
	}
	json_object_set_new(o, "parts", parts);
	json_object_set_new(o, "total_usd", json_num(total));
	json_object_set_new(o, "unpriced_lines", json_integer((json_int_t)unpriced));
	json_object_set_new(o, "nodes", json_integer((json_int_t)c->nodes));
	json_object_set_new(pw, "peak_w", json_num(c->node.peak_w));
	json_object_set_new(pw, "typical_wall_w", json_num(c->node.typical_w));
	json_object_set_new(pw, "psus", json_integer((json_int_t)c->node.psus));
	json_object_set_new(pw, "psus_needed", json_integer((json_int_t)c->node.psus_needed));
	json_object_set_new(pw, "psu_rated_w", json_num(c->node.psu_rated_w));
	json_object_set_new(pw, "psu_redundancy", json_string(c->node.psu_redundancy));
	json_object_set_new(pw, "psu_capacity_w", json_num(c->node.psu_capacity_w));
	json_object_set_new(pw, "heat_btu_per_h", json_num(c->node.heat_btu_per_h));
	json_object_set_new(pw, "airflow_cfm", json_num(c->node.airflow_cfm));
	json_object_set_new(o, "power_per_node", pw);
	text = json_dumps(o, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(12));
	if (text) {
		sbuf_addstr(sb, text);
		sbuf_addch(sb, '\n');
		free(text);
	}
	json_decref(o);
}

int gen_bom(struct sbuf *sb, const struct plan_candidate *c, enum gen_bom_format f,
	    struct err *err)
{
	(void)err;
	if (f == GEN_BOM_CSV)
		bom_csv(sb, c);
	else if (f == GEN_BOM_MD)
		bom_md(sb, c);
	else
		bom_json(sb, c);
	return 0;
}
