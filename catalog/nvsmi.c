/*
 * nvsmi.c - parse `nvidia-smi -q -x` with libxml2 and match its GPUs to
 * the catalog.  Only element text is read, never entity content; values
 * are parsed with their units ("81559 MiB", "700.00 W", "16x") and checked
 * against physical bounds before they are believed.
 */
#include "catalog/nvsmi.h"
#include "catalog/cat_int.h"
#include "util/err.h"
#include "util/fileio.h"
#include "util/num.h"
#include "util/sbuf.h"
#include "util/xalloc.h"
#include "util/units.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

/* Physical bounds for believable values (a GPU with 4 TiB of memory or a
 * 5 kW power limit is a corrupt file, not a GPU). */
#define NVSMI_MEMORY_MAX_BYTES (4.0 * 1099511627776.0)
#define NVSMI_POWER_MAX_W 5000.0
#define NVSMI_GPUS_MAX 1024
/* A catalog size and nvidia-smi's usable size agree when the latter is
 * 90-101% of the former: ECC on GDDR6 reserves 6.25% (T4: 15360 of
 * 16384 MiB) and firmware a little more; HBM parts lose under 1%
 * (H100 SXM: 81559 of 81920 MiB, tests/data/nvsmi/h100-sxm.xml). */
#define NVSMI_MEMORY_RATIO_MIN 0.90
#define NVSMI_MEMORY_RATIO_MAX 1.01

void nvsmi_inventory_init(struct nvsmi_inventory *inv)
{
	memset(inv, 0, sizeof(*inv));
}

void nvsmi_inventory_release(struct nvsmi_inventory *inv)
{
	free(inv->gpus);
	nvsmi_inventory_init(inv);
}

const char *nvsmi_match_name(enum nvsmi_match m)
{
	switch (m) {
	case NVSMI_MATCH_EXACT:
		return "exact";
	case NVSMI_MATCH_NAME_ONLY:
		return "name-only";
	default:
		return "none";
	}
}

static xmlNode *child(xmlNode *node, const char *name)
{
	xmlNode *c;

	for (c = node ? node->children : NULL; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
			return c;
	return NULL;
}

/* Follow a path of child element names. */
static xmlNode *path(xmlNode *node, const char *const *names, size_t n)
{
	size_t i;

	for (i = 0; i < n && node; i++)
		node = child(node, names[i]);
	return node;
}

/*
 * The element's own text, trimmed, into out.  Returns 1 when there is
 * text, 0 when the element is absent or empty, and -ERR_PARSE when it
 * holds an entity reference (never expanded) or is too long.
 */
static int text_of(char *out, size_t size, xmlNode *node, const char *what,
		   struct err *err)
{
	struct sbuf sb;
	xmlNode *c;
	size_t start = 0, end;
	int r = 1;

	out[0] = '\0';
	if (!node)
		return 0;
	sbuf_init(&sb);
	for (c = node->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				sbuf_addstr(&sb, (const char *)c->content);
		} else if (c->type == XML_ENTITY_REF_NODE) {
			r = err_set(err, ERR_PARSE, "entity reference in <%s> is not allowed",
				    what);
			goto out;
		}
		if (sb.len > 4096)
			break;
	}
	while (start < sb.len && strchr(" \t\r\n", sb.buf[start]))
		start++;
	end = sb.len;
	while (end > start && strchr(" \t\r\n", sb.buf[end - 1]))
		end--;
	if (end - start >= size) {
		r = err_set(err, ERR_PARSE, "<%s> is too long (%zu characters)", what,
			    end - start);
		goto out;
	}
	memcpy(out, sb.buf + start, end - start);
	out[end - start] = '\0';
	r = end > start;
out:
	sbuf_release(&sb);
	return r;
}

/* A quantity with a unit, above 0 (or 0 itself when zero_ok) and at most
 * max; NaN when absent or "N/A". */
static int quantity_in(double *out, xmlNode *node, const char *what,
		       const char *unit, int zero_ok, double max, struct err *err)
{
	char text[64];
	int r = text_of(text, sizeof(text), node, what, err);

	*out = NAN;
	if (r <= 0 || strcmp(text, "N/A") == 0)
		return r < 0 ? r : 0;
	if (num_parse_with_unit(out, text, unit, err) < 0)
		return err_set(err, ERR_PARSE, "<%s> is '%s': expected a number in %s",
			       what, text, unit);
	if (!(*out > 0 || (zero_ok && *out == 0)) || *out > max)
		return err_set(err, ERR_PARSE, "<%s> is '%s': out of range", what, text);
	return 0;
}

/* A positive quantity with a unit; NaN when absent or "N/A". */
static int quantity(double *out, xmlNode *node, const char *what,
		    const char *unit, double max, struct err *err)
{
	return quantity_in(out, node, what, unit, 0, max, err);
}

/* Whether clocks_event_reasons/<name> (throttle_reasons before R535) is
 * "Active". */
static int event_active(int *out, xmlNode *node, const char *name, const char *old,
			struct err *err)
{
	xmlNode *reasons = child(node, "clocks_event_reasons");
	char text[32];
	int r;

	if (!reasons) {
		reasons = child(node, "clocks_throttle_reasons");
		name = old;
	}
	r = text_of(text, sizeof(text), child(reasons, name), name, err);
	if (r > 0 && strcmp(text, "Active") == 0)
		*out = 1;
	return r < 0 ? r : 0;
}

/* Draw, clocks, temperature and throttling, for sampling under load. */
static int readings_parse(struct nvsmi_gpu *g, xmlNode *node, struct err *err)
{
	static const char *const inst[] = { "gpu_power_readings", "instant_power_draw" };
	static const char *const avg[] = { "gpu_power_readings", "average_power_draw" };
	static const char *const old[] = { "power_readings", "power_draw" };
	static const char *const sm[] = { "clocks", "sm_clock" };
	static const char *const smmax[] = { "max_clocks", "sm_clock" };
	static const char *const temp[] = { "temperature", "gpu_temp" };
	static const char *const used[] = { "fb_memory_usage", "used" };
	double mib;
	int r;

	g->power_capped = g->thermal_slowdown = 0;
	if ((r = quantity(&g->power_w, path(node, inst, 2), "instant_power_draw", "W",
			  NVSMI_POWER_MAX_W, err)) < 0 ||
	    (r = quantity(&g->power_avg_w, path(node, avg, 2), "average_power_draw", "W",
			  NVSMI_POWER_MAX_W, err)) < 0)
		return r;
	if (isnan(g->power_avg_w) &&
	    (r = quantity(&g->power_avg_w, path(node, old, 2), "power_draw", "W",
			  NVSMI_POWER_MAX_W, err)) < 0)
		return r;
	if (isnan(g->power_w))
		g->power_w = g->power_avg_w;
	if ((r = quantity(&g->sm_mhz, path(node, sm, 2), "sm_clock", "MHz", 1e5, err)) < 0 ||
	    (r = quantity(&g->sm_max_mhz, path(node, smmax, 2), "sm_clock", "MHz", 1e5, err)) < 0 ||
	    (r = quantity(&g->temp_c, path(node, temp, 2), "gpu_temp", "C", 200, err)) < 0 ||
	    (r = quantity_in(&mib, path(node, used, 2), "used", "MiB", 1,
			     NVSMI_MEMORY_MAX_BYTES / 1048576.0, err)) < 0)
		return r;
	g->memory_used_bytes = mib * 1048576.0;
	if ((r = event_active(&g->power_capped, node, "clocks_event_reason_sw_power_cap",
			      "clocks_throttle_reason_sw_power_cap", err)) < 0)
		return r;
	if ((r = event_active(&g->thermal_slowdown, node, "clocks_event_reason_hw_thermal_slowdown",
			      "clocks_throttle_reason_hw_thermal_slowdown", err)) < 0 ||
	    (r = event_active(&g->thermal_slowdown, node, "clocks_event_reason_sw_thermal_slowdown",
			      "clocks_throttle_reason_sw_thermal_slowdown", err)) < 0)
		return r;
	return 0;
}

static int gpu_parse(struct nvsmi_gpu *g, xmlNode *node, struct err *err)
{
	static const char *const mem[] = { "fb_memory_usage", "total" };
	static const char *const power[] = { "gpu_power_readings", "current_power_limit" };
	static const char *const power_old[] = { "power_readings", "power_limit" };
	static const char *const defpower[] = { "gpu_power_readings", "default_power_limit" };
	static const char *const gen[] = { "pci", "pci_gpu_link_info", "pcie_gen", "max_link_gen" };
	static const char *const width[] = { "pci", "pci_gpu_link_info", "link_widths", "max_link_width" };
	xmlNode *pl;
	xmlChar *id;
	double mib, v;
	int r;

	memset(g, 0, sizeof(*g));
	if ((r = text_of(g->product_name, sizeof(g->product_name),
			 child(node, "product_name"), "product_name", err)) <= 0)
		return r < 0 ? r : err_set(err, ERR_PARSE, "a <gpu> has no <product_name>");
	if ((r = text_of(g->architecture, sizeof(g->architecture),
			 child(node, "product_architecture"), "product_architecture", err)) < 0 ||
	    (r = text_of(g->uuid, sizeof(g->uuid), child(node, "uuid"), "uuid", err)) < 0)
		return r;
	id = xmlGetProp(node, BAD_CAST "id");
	if (id) {
		snprintf(g->pci_bus_id, sizeof(g->pci_bus_id), "%s", (const char *)id);
		xmlFree(id);
	}

	if ((r = quantity(&mib, path(node, mem, 2), "total", "MiB",
			  NVSMI_MEMORY_MAX_BYTES / 1048576.0, err)) < 0)
		return r;
	if (isnan(mib))
		return err_set(err, ERR_PARSE, "GPU '%s' has no <fb_memory_usage><total>",
			       g->product_name);
	g->memory_bytes = (int64_t)llround(mib * 1048576.0);

	/* Drivers before R535 called it power_readings/power_limit. */
	pl = path(node, power, 2);
	if (!pl)
		pl = path(node, power_old, 2);
	if ((r = quantity(&g->power_limit_w, pl, "current_power_limit", "W",
			  NVSMI_POWER_MAX_W, err)) < 0 ||
	    (r = quantity(&g->default_power_limit_w, path(node, defpower, 2),
			  "default_power_limit", "W", NVSMI_POWER_MAX_W, err)) < 0)
		return r;

	if ((r = quantity(&v, path(node, gen, 4), "max_link_gen", "", 7, err)) < 0)
		return r;
	g->pcie_gen = isnan(v) ? CAT_NULL_INT : (int64_t)v;
	if ((r = quantity(&v, path(node, width, 4), "max_link_width", "x", 32, err)) < 0)
		return r;
	g->pcie_lanes = isnan(v) ? CAT_NULL_INT : (int64_t)v;
	return readings_parse(g, node, err);
}

/* Documents that declare entities are refused outright: nvidia-smi never
 * writes any, and refusing them is simpler than bounding expansion. */
static int refuse_entities(xmlDoc *doc, struct err *err)
{
	xmlNode *n;

	if (!doc->intSubset)
		return 0;
	for (n = doc->intSubset->children; n; n = n->next)
		if (n->type == XML_ENTITY_DECL)
			return err_set(err, ERR_PARSE, "entity declarations are not allowed");
	return 0;
}

int nvsmi_parse(struct nvsmi_inventory *inv, const char *buf, size_t len,
		const char *name, struct err *err)
{
	/* No NOENT (entities stay unexpanded), no DTDLOAD/DTDATTR, no network. */
	const int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
			 XML_PARSE_NOCDATA;
	xmlParserCtxt *ctxt = NULL;
	xmlDoc *doc = NULL;
	xmlNode *root, *n;
	size_t cap = 0;
	int r = 0;

	nvsmi_inventory_init(inv);
	if (len == 0) {
		r = err_set(err, ERR_PARSE, "'%s' is empty", name);
		goto out;
	}
	if (len > NVSMI_FILE_MAX) {
		r = err_set(err, ERR_PARSE, "'%s' is larger than %u bytes", name,
			    NVSMI_FILE_MAX);
		goto out;
	}
	ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		r = err_set(err, ERR_PARSE, "cannot start the XML parser");
		goto out;
	}
	doc = xmlCtxtReadMemory(ctxt, buf, (int)len, name, NULL, opts);
	if (!doc) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);
		char msg[200] = "not well-formed";
		size_t k;

		if (e && e->message) {
			snprintf(msg, sizeof(msg), "%s", e->message);
			k = strlen(msg);
			while (k && (msg[k - 1] == '\n' || msg[k - 1] == ' '))
				msg[--k] = '\0';
		}
		r = err_set(err, ERR_PARSE, "'%s' is not valid XML (line %d): %s", name,
			    e ? e->line : 0, msg);
		goto out;
	}
	if ((r = refuse_entities(doc, err)) < 0)
		goto fail;
	root = xmlDocGetRootElement(doc);
	if (!root || !xmlStrEqual(root->name, BAD_CAST "nvidia_smi_log")) {
		r = err_set(err, ERR_PARSE,
			    "'%s' is not nvidia-smi -q -x output: root element is <%s>, expected <nvidia_smi_log>",
			    name, root ? (const char *)root->name : "none");
		goto out;
	}
	if ((r = text_of(inv->driver_version, sizeof(inv->driver_version),
			 child(root, "driver_version"), "driver_version", err)) < 0 ||
	    (r = text_of(inv->cuda_version, sizeof(inv->cuda_version),
			 child(root, "cuda_version"), "cuda_version", err)) < 0)
		goto fail;
	for (n = root->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "gpu"))
			continue;
		if (inv->n >= NVSMI_GPUS_MAX) {
			r = err_set(err, ERR_PARSE, "more than %d GPUs", NVSMI_GPUS_MAX);
			goto fail;
		}
		inv->gpus = xgrow(inv->gpus, &cap, inv->n + 1, sizeof(*inv->gpus));
		if ((r = gpu_parse(&inv->gpus[inv->n], n, err)) < 0) {
			err_prefix(err, "GPU %zu", inv->n);
			goto fail;
		}
		inv->n++;
	}
	if (inv->n == 0)
		r = err_set(err, ERR_PARSE, "'%s' lists no GPU", name);
	goto out;
fail:
	err_prefix(err, "'%s'", name);
out:
	if (r < 0)
		nvsmi_inventory_release(inv);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	return r;
}

int nvsmi_read_file(struct nvsmi_inventory *inv, const char *file,
		    struct err *err)
{
	char *buf = NULL;
	size_t len = 0;
	int r;

	nvsmi_inventory_init(inv);
	/* One byte over the limit is enough for nvsmi_parse to refuse it. */
	r = file_read_all(&buf, &len, file, NVSMI_FILE_MAX, err);
	if (r == -ERR_PARSE)
		err_set(err, ERR_PARSE, "'%s' is larger than %u bytes", file, NVSMI_FILE_MAX);
	else if (r == 0)
		r = nvsmi_parse(inv, buf, len, file, err);
	free(buf);
	return r;
}

int nvsmi_match(struct nvsmi_inventory *inv, struct cat *cat, struct err *err)
{
	size_t i;

	for (i = 0; i < inv->n; i++) {
		struct nvsmi_gpu *g = &inv->gpus[i];
		struct err lookup = ERR_INIT;
		struct cat_gpu row;
		double ratio;
		/* nvidia-smi's own product names: no note for a person */
		int r = cat_find_quiet(&row, cat, CAT_GPU, g->product_name, &lookup);

		if (r == -ERR_NOTFOUND) {
			g->match = NVSMI_MATCH_NONE;
			snprintf(g->note, sizeof(g->note), "%s", lookup.msg);
			continue;
		}
		if (r < 0)
			return err_set(err, lookup.code, "%s", lookup.msg);
		memcpy(g->gpu_id, row.id, sizeof(g->gpu_id));
		ratio = (double)g->memory_bytes / (double)row.memory_bytes;
		if (ratio >= NVSMI_MEMORY_RATIO_MIN && ratio <= NVSMI_MEMORY_RATIO_MAX) {
			g->match = NVSMI_MATCH_EXACT;
		} else {
			g->match = NVSMI_MATCH_NAME_ONLY;
			snprintf(g->note, sizeof(g->note),
				 "reports %.1f GiB but catalog '%s' has %.1f GiB",
				 (double)g->memory_bytes / UNIT_GIB, row.id,
				 (double)row.memory_bytes / UNIT_GIB);
		}
	}
	return 0;
}

