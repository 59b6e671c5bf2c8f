/*
 * cal_record.c - a calibration run on disk (cal_record.h).
 *
 * JSON through jansson; every field read back is type- and range-checked
 * and a bad one is named ("cases[3].median_s"), since a record may come
 * from anywhere.  The samples are parsed by the same hardened nvidia-smi
 * parser as `catalog import-nvsmi`.
 */
#include "calibrate/cal_record.h"
#include "calibrate/ck_client.h"
#include "util/clock.h"
#include "util/err.h"
#include "util/json.h"
#include "util/fileio.h"
#include "util/num.h"
#include "util/tarball.h"
#include "util/xalloc.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define RECORD_FILE "calibration.json"
#define RECORD_MAX (64u << 20)
/* all the samples of an archive, uncompressed, held in memory at once:
 * 256 MiB, some 9,000 dumps of one GPU (27 KB each in
 * tests/data/calibration, whose runs take 150) */
#define SAMPLES_ARCHIVE_TOTAL ((size_t)256 << 20)

void cal_record_init(struct cal_record *rec)
{
	memset(rec, 0, sizeof(*rec));
}

void cal_record_release(struct cal_record *rec)
{
	size_t i;

	if (rec->xml)
		for (i = 0; i < rec->nsamples; i++)
			free(rec->xml[i]);
	free(rec->xml);
	free(rec->samples);
	free(rec->cases);
	cal_record_init(rec);
}

int cal_record_add_sample(struct cal_record *rec, double t, const char *xml, size_t len,
			  const char *name, int keep_raw, struct err *err)
{
	struct nvsmi_inventory inv;
	const struct nvsmi_gpu *g = NULL;
	size_t i;
	int r;

	if (rec->nsamples >= CAL_SAMPLES_MAX)
		return err_set(err, ERR_PARSE, "more than %d samples", CAL_SAMPLES_MAX);
	if ((r = nvsmi_parse(&inv, xml, len, name, err)) < 0)
		return r;
	/* nvidia-smi writes the bus id with a 8-digit domain, CUDA too */
	for (i = 0; i < inv.n && !g; i++)
		if (strcasecmp(inv.gpus[i].pci_bus_id, rec->dev.pci_bus_id) == 0)
			g = &inv.gpus[i];
	if (!g && inv.n == 1)
		g = &inv.gpus[0];
	if (!g) {
		nvsmi_inventory_release(&inv);
		return err_set(err, ERR_PARSE, "'%s' has no GPU at bus id %s", name,
			       rec->dev.pci_bus_id);
	}
	rec->samples = xrealloc(rec->samples, (rec->nsamples + 1) * sizeof(*rec->samples));
	rec->samples[rec->nsamples].t = t;
	rec->samples[rec->nsamples].g = *g;
	if (keep_raw) {
		rec->xml = xrealloc(rec->xml, (rec->nsamples + 1) * sizeof(*rec->xml));
		rec->xml[rec->nsamples] = xmalloc(len + 1);
		memcpy(rec->xml[rec->nsamples], xml, len);
		rec->xml[rec->nsamples][len] = '\0';
	}
	rec->nsamples++;
	nvsmi_inventory_release(&inv);
	return 0;
}

/* ---- writing ---- */

static json_t *num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}

static json_t *case_json(const struct cal_case *k)
{
	json_t *o = json_object();

	json_object_set_new(o, "kind", json_string(ck_kind_name(k->c.kind)));
	json_object_set_new(o, "label", json_string(k->label));
	if (k->c.kind == CK_GEMM) {
		json_object_set_new(o, "dtype", json_string(ck_dtype_name(k->c.dtype)));
		json_object_set_new(o, "m", json_integer(k->c.m));
		json_object_set_new(o, "n", json_integer(k->c.n));
		json_object_set_new(o, "k", json_integer(k->c.k));
	} else {
		json_object_set_new(o, "size_bytes", json_integer((json_int_t)k->c.bytes));
	}
	if (k->c.kind == CK_H2D || k->c.kind == CK_D2H)
		json_object_set_new(o, "pinned", json_boolean(k->c.pinned));
	if (k->c.kind == CK_P2P)
		json_object_set_new(o, "peer", json_integer(k->c.peer));
	json_object_set_new(o, "reps", json_integer(k->c.reps));
	json_object_set_new(o, "soak_s", num(k->c.soak_s));
	if (k->skipped) {
		json_object_set_new(o, "skipped", json_string(k->note));
		return o;
	}
	json_object_set_new(o, "median_s", num(k->r.median_s));
	json_object_set_new(o, "min_s", num(k->r.min_s));
	json_object_set_new(o, "max_s", num(k->r.max_s));
	json_object_set_new(o, "bytes", num(k->r.bytes));
	json_object_set_new(o, "flops", num(k->r.flops));
	json_object_set_new(o, "max_err", num(k->r.max_err));
	if (k->r.soak_end > k->r.soak_begin) {
		json_object_set_new(o, "soak", json_pack("[oo]", num(k->r.soak_begin),
							 num(k->r.soak_end)));
		json_object_set_new(o, "soak_runs", json_integer(k->r.soak_runs));
	}
	return o;
}

static json_t *record_json(const struct cal_record *rec)
{
	const struct ck_device *d = &rec->dev;
	json_t *o = json_object(), *cases = json_array(), *samples = json_array();
	char file[32];
	size_t i;

	json_object_set_new(o, "format", json_string(CAL_FORMAT));
	json_object_set_new(o, "gpu", json_string(rec->gpu_id));
	json_object_set_new(o, "device", json_pack("{s:s,s:s,s:i,s:i,s:i,s:s,s:o,s:o,s:o,s:b}",
		"name", d->name, "pci_bus_id", d->pci_bus_id, "index", d->index,
		"count", d->count, "sms", d->sms, "compute_capability",
		d->cc_major == 0 ? "" : (snprintf(file, sizeof(file), "%d.%d", d->cc_major,
						  d->cc_minor), file),
		"memory_bytes", num(d->memory_bytes), "context_bytes", num(d->context_bytes),
		"l2_bytes", num(d->l2_bytes), "fp8", d->fp8));
	json_object_set_new(o, "driver", json_string(rec->driver));
	json_object_set_new(o, "cuda", json_string(rec->cuda));
	json_object_set_new(o, "host", json_string(rec->host));
	json_object_set_new(o, "date", json_string(rec->date));
	json_object_set_new(o, "quick", json_boolean(rec->quick));
	json_object_set_new(o, "idle", json_pack("[oo]", num(rec->idle[0]), num(rec->idle[1])));
	for (i = 0; i < rec->ncases; i++)
		json_array_append_new(cases, case_json(&rec->cases[i]));
	json_object_set_new(o, "cases", cases);
	for (i = 0; i < rec->nsamples; i++) {
		snprintf(file, sizeof(file), "nvsmi-%04zu.xml", i);
		json_array_append_new(samples, json_pack("{s:o,s:s}", "t", num(rec->samples[i].t),
							 "file", file));
	}
	json_object_set_new(o, "samples", samples);
	return o;
}

static int write_file(const char *dir, const char *name, const char *text, size_t len,
		      struct err *err)
{
	char path[4096];
	FILE *f;
	int bad;

	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, name) >= sizeof(path))
		return err_set(err, ERR_IO, "path '%s/%s' is too long", dir, name);
	f = fopen(path, "wx");
	if (!f)
		return err_set(err, ERR_IO, "cannot create '%s': %s", path, strerror(errno));
	bad = fwrite(text, 1, len, f) != len;
	bad |= fclose(f) != 0;
	return bad ? err_set(err, ERR_IO, "cannot write '%s'", path) : 0;
}

static void remove_partial(const char *dir, size_t nsamples)
{
	char path[4200];
	size_t i;

	for (i = 0; i < nsamples; i++) {
		snprintf(path, sizeof(path), "%s/nvsmi-%04zu.xml", dir, i);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/%s", dir, RECORD_FILE);
	unlink(path);
	rmdir(dir);
}

int cal_record_write(const struct cal_record *rec, const char *dir, struct err *err)
{
	char tmp[4096], name[32];
	json_t *js;
	char *text;
	size_t i;
	int r = 0;
	struct stat st;

	if (!rec->xml && rec->nsamples)
		return err_set(err, ERR_INVAL, "the record holds no raw samples to write");
	if (stat(dir, &st) == 0)
		return err_set(err, ERR_IO, "'%s' already exists: record into a new directory",
			       dir);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.partial-%ld", dir, (long)getpid()) >=
	    sizeof(tmp))
		return err_set(err, ERR_IO, "path '%s' is too long", dir);
	if (mkdir(tmp, 0755) < 0)
		return err_set(err, ERR_IO, "cannot create '%s': %s", tmp, strerror(errno));
	js = record_json(rec);
	text = json_dumps(js, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(17));
	json_decref(js);
	r = write_file(tmp, RECORD_FILE, text, strlen(text), err);
	free(text);
	for (i = 0; r == 0 && i < rec->nsamples; i++) {
		snprintf(name, sizeof(name), "nvsmi-%04zu.xml", i);
		r = write_file(tmp, name, rec->xml[i], strlen(rec->xml[i]), err);
	}
	if (r == 0 && rename(tmp, dir) < 0)
		r = err_set(err, ERR_IO, "cannot rename '%s' to '%s': %s", tmp, dir,
			    strerror(errno));
	if (r < 0)
		remove_partial(tmp, rec->nsamples);
	return r;
}

/* ---- reading ---- */

struct reader {
	const char *file;
	char where[64];
	struct err *err;
};

static int bad(struct reader *rd, const char *key, const char *expected)
{
	return err_set(rd->err, ERR_PARSE, "'%s': %s%s%s must be %s", rd->file, rd->where,
		       *rd->where ? "." : "", key, expected);
}

static int get_num(double *out, struct reader *rd, json_t *o, const char *key,
		   double lo, double hi)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_number(v))
		return bad(rd, key, "a number");
	*out = json_number_value(v);
	if (!(*out >= lo && *out <= hi))
		return bad(rd, key, "within range");
	return 0;
}

static int get_int(long *out, struct reader *rd, json_t *o, const char *key, long lo,
		   long hi)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < lo || json_integer_value(v) > hi)
		return bad(rd, key, "an integer within range");
	*out = (long)json_integer_value(v);
	return 0;
}

static int get_str(char *out, size_t size, struct reader *rd, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v) || json_string_length(v) >= size ||
	    strlen(json_string_value(v)) != json_string_length(v))
		return bad(rd, key, "a short string");
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

static int get_pair(double out[2], struct reader *rd, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_array(v) || json_array_size(v) != 2 ||
	    !json_is_number(json_array_get(v, 0)) || !json_is_number(json_array_get(v, 1)))
		return bad(rd, key, "[begin, end]");
	out[0] = json_number_value(json_array_get(v, 0));
	out[1] = json_number_value(json_array_get(v, 1));
	if (!(out[0] >= 0 && out[1] >= out[0] && out[1] < 1e6))
		return bad(rd, key, "an ordered pair of times");
	return 0;
}

static int parse_kind(enum ck_kind *out, const char *s)
{
	int k;

	for (k = CK_COPY; k <= CK_P2P; k++)
		if (strcmp(s, ck_kind_name((enum ck_kind)k)) == 0) {
			*out = (enum ck_kind)k;
			return 0;
		}
	return -1;
}

static int read_case(struct cal_case *k, struct reader *rd, json_t *o)
{
	char word[16];
	long l;
	int r;

	memset(k, 0, sizeof(*k));
	if (!json_is_object(o))
		return bad(rd, "case", "an object");
	if ((r = get_str(word, sizeof(word), rd, o, "kind")) < 0)
		return r;
	if (parse_kind(&k->c.kind, word) < 0)
		return bad(rd, "kind", "copy, triad, gemm, h2d, d2h or p2p");
	if ((r = get_str(k->label, sizeof(k->label), rd, o, "label")) < 0 ||
	    (r = get_int(&l, rd, o, "reps", 1, 100000)) < 0)
		return r;
	k->c.reps = (int)l;
	if ((r = get_num(&k->c.soak_s, rd, o, "soak_s", 0, 3600)) < 0)
		return r;
	if (k->c.kind == CK_GEMM) {
		if ((r = get_str(word, sizeof(word), rd, o, "dtype")) < 0)
			return r;
		if (strcmp(word, "bf16") == 0)
			k->c.dtype = CK_BF16;
		else if (strcmp(word, "fp16") == 0)
			k->c.dtype = CK_FP16;
		else if (strcmp(word, "fp8") == 0)
			k->c.dtype = CK_FP8;
		else
			return bad(rd, "dtype", "bf16, fp16 or fp8");
		if ((r = get_int(&k->c.m, rd, o, "m", 1, 1L << 24)) < 0 ||
		    (r = get_int(&k->c.n, rd, o, "n", 1, 1L << 24)) < 0 ||
		    (r = get_int(&k->c.k, rd, o, "k", 1, 1L << 24)) < 0)
			return r;
	} else {
		if ((r = get_int(&l, rd, o, "size_bytes", 1, 1L << 40)) < 0)
			return r;
		k->c.bytes = (size_t)l;
	}
	if (k->c.kind == CK_H2D || k->c.kind == CK_D2H) {
		json_t *p = json_object_get(o, "pinned");

		if (!json_is_boolean(p))
			return bad(rd, "pinned", "true or false");
		k->c.pinned = json_is_true(p);
	}
	if (k->c.kind == CK_P2P && (r = get_int(&l, rd, o, "peer", 0, 63)) < 0)
		return r;
	if (k->c.kind == CK_P2P)
		k->c.peer = (int)l;
	if (json_object_get(o, "skipped")) {
		k->skipped = 1;
		return get_str(k->note, sizeof(k->note), rd, o, "skipped");
	}
	if ((r = get_num(&k->r.median_s, rd, o, "median_s", 1e-9, 1e4)) < 0 ||
	    (r = get_num(&k->r.min_s, rd, o, "min_s", 1e-9, k->r.median_s)) < 0 ||
	    (r = get_num(&k->r.max_s, rd, o, "max_s", k->r.median_s, 1e4)) < 0 ||
	    (r = get_num(&k->r.bytes, rd, o, "bytes", 0, 1e15)) < 0 ||
	    (r = get_num(&k->r.flops, rd, o, "flops", 0, 1e18)) < 0 ||
	    (r = get_num(&k->r.max_err, rd, o, "max_err", 0, 1)) < 0)
		return r;
	k->r.reps = k->c.reps;
	if (json_object_get(o, "soak")) {
		double s[2];

		if ((r = get_pair(s, rd, o, "soak")) < 0 ||
		    (r = get_int(&l, rd, o, "soak_runs", 1, 1L << 40)) < 0)
			return r;
		k->r.soak_begin = s[0];
		k->r.soak_end = s[1];
		k->r.soak_runs = l;
	}
	return 0;
}

static int read_device(struct ck_device *d, struct reader *rd, json_t *o)
{
	char cc[16];
	long l;
	int r;

	if (!json_is_object(o))
		return bad(rd, "device", "an object");
	snprintf(rd->where, sizeof(rd->where), "device");
	if ((r = get_str(d->name, sizeof(d->name), rd, o, "name")) < 0 ||
	    (r = get_str(d->pci_bus_id, sizeof(d->pci_bus_id), rd, o, "pci_bus_id")) < 0 ||
	    (r = get_str(cc, sizeof(cc), rd, o, "compute_capability")) < 0 ||
	    (r = get_num(&d->memory_bytes, rd, o, "memory_bytes", 1, 1e15)) < 0 ||
	    (r = get_num(&d->context_bytes, rd, o, "context_bytes", 0, d->memory_bytes)) < 0 ||
	    (r = get_num(&d->l2_bytes, rd, o, "l2_bytes", 0, 1e10)) < 0)
		return r;
	if ((r = get_int(&l, rd, o, "index", 0, 63)) < 0)
		return r;
	d->index = (int)l;
	if ((r = get_int(&l, rd, o, "count", 1, 64)) < 0)
		return r;
	d->count = (int)l;
	if ((r = get_int(&l, rd, o, "sms", 1, 10000)) < 0)
		return r;
	d->sms = (int)l;
	{
		char *dot = strchr(cc, '.');
		uint64_t major, minor;

		if (!dot)
			return bad(rd, "compute_capability", "MAJOR.MINOR");
		*dot = '\0';
		if (num_parse_u64(&major, cc, NULL) < 0 || num_parse_u64(&minor, dot + 1, NULL) < 0 ||
		    major > 99 || minor > 99)
			return bad(rd, "compute_capability", "MAJOR.MINOR");
		d->cc_major = (int)major;
		d->cc_minor = (int)minor;
	}
	d->fp8 = json_is_true(json_object_get(o, "fp8"));
	rd->where[0] = '\0';
	return 0;
}

/*
 * A recording may keep its samples as one archive beside calibration.json
 * (tests/data/calibration/ does: nvsmi.tar.xz).  Read into memory, never
 * unpacked; bounded like the loose files: no more members than samples
 * a record holds, none larger than one nvidia-smi dump, the archive no
 * larger than a record, and the whole within SAMPLES_ARCHIVE_TOTAL.
 */
#define SAMPLES_ARCHIVE "nvsmi.tar.xz"

static int read_archive(struct tarball_member **out, size_t *n, const char *dir,
			struct err *err)
{
	const struct tarball_limits lim = {
		CAL_SAMPLES_MAX, NVSMI_FILE_MAX, SAMPLES_ARCHIVE_TOTAL, RECORD_MAX
	};
	char path[4200];

	snprintf(path, sizeof(path), "%s/%s", dir, SAMPLES_ARCHIVE);
	return tarball_read(out, n, path, &lim, err);
}

int cal_record_read(struct cal_record *rec, const char *dir, struct err *err)
{
	char path[4096];
	struct reader rd;
	json_error_t je;
	json_t *js = NULL, *a;
	char *text = NULL;
	struct tarball_member *members = NULL;
	size_t len, i, nmembers = 0;
	int r;

	cal_record_init(rec);
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir, RECORD_FILE) >= sizeof(path))
		return err_set(err, ERR_IO, "path '%s' is too long", dir);
	if ((r = file_read_all(&text, &len, path, RECORD_MAX, err)) < 0)
		return r;
	js = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	free(text);
	memset(&rd, 0, sizeof(rd));
	rd.file = path;
	rd.err = err;
	if (!js)
		return err_set(err, ERR_PARSE, "'%s' is not valid JSON (line %d): %s", path,
			       je.line, je.text);
	if (!json_is_object(js) ||
	    !json_is_string(json_object_get(js, "format")) ||
	    strcmp(json_string_value(json_object_get(js, "format")), CAL_FORMAT) != 0) {
		r = err_set(err, ERR_PARSE, "'%s' is not a rigplan calibration record "
			    "(format \"%s\")", path, CAL_FORMAT);
		goto out;
	}
	if ((r = get_str(rec->gpu_id, sizeof(rec->gpu_id), &rd, js, "gpu")) < 0 ||
	    (r = get_str(rec->driver, sizeof(rec->driver), &rd, js, "driver")) < 0 ||
	    (r = get_str(rec->cuda, sizeof(rec->cuda), &rd, js, "cuda")) < 0 ||
	    (r = get_str(rec->host, sizeof(rec->host), &rd, js, "host")) < 0 ||
	    (r = get_str(rec->date, sizeof(rec->date), &rd, js, "date")) < 0 ||
	    (!clock_date_valid(rec->date) &&
	     (r = bad(&rd, "date", "a calendar day as YYYY-MM-DD")) < 0) ||
	    (r = get_pair(rec->idle, &rd, js, "idle")) < 0 ||
	    (r = read_device(&rec->dev, &rd, json_object_get(js, "device"))) < 0)
		goto out;
	rec->quick = json_is_true(json_object_get(js, "quick"));
	a = json_object_get(js, "cases");
	if (!json_is_array(a) || json_array_size(a) > CAL_CASES_MAX) {
		r = bad(&rd, "cases", "an array of at most 2048 cases");
		goto out;
	}
	rec->cases = xcalloc(json_array_size(a) + 1, sizeof(*rec->cases));
	for (i = 0; i < json_array_size(a); i++) {
		snprintf(rd.where, sizeof(rd.where), "cases[%zu]", i);
		if ((r = read_case(&rec->cases[i], &rd, json_array_get(a, i))) < 0)
			goto out;
		rec->ncases++;
	}
	rd.where[0] = '\0';
	a = json_object_get(js, "samples");
	if (!json_is_array(a) || json_array_size(a) > CAL_SAMPLES_MAX) {
		r = bad(&rd, "samples", "an array");
		goto out;
	}
	for (i = 0; i < json_array_size(a); i++) {
		json_t *s = json_array_get(a, i);
		char file[64], xml_path[4200];
		const struct tarball_member *m;
		double t;

		snprintf(rd.where, sizeof(rd.where), "samples[%zu]", i);
		if ((r = get_num(&t, &rd, s, "t", 0, 1e6)) < 0 ||
		    (r = get_str(file, sizeof(file), &rd, s, "file")) < 0)
			goto out;
		if (strchr(file, '/') || file[0] == '.') {
			r = bad(&rd, "file", "a file name inside the record");
			goto out;
		}
		snprintf(xml_path, sizeof(xml_path), "%s/%s", dir, file);
		/* the loose file, else the recording's archive of them */
		if (!members && access(xml_path, F_OK) < 0 && errno == ENOENT &&
		    (r = read_archive(&members, &nmembers, dir, err)) < 0)
			goto out;
		if (members) {
			if (!(m = tarball_find(members, nmembers, file))) {
				r = err_set(err, ERR_PARSE, "'%s/%s' has no member '%s'", dir,
					    SAMPLES_ARCHIVE, file);
				goto out;
			}
			snprintf(xml_path, sizeof(xml_path), "%s/%s:%s", dir, SAMPLES_ARCHIVE, file);
			r = cal_record_add_sample(rec, t, m->data, m->len, xml_path, 0, err);
		} else {
			if ((r = file_read_all(&text, &len, xml_path, NVSMI_FILE_MAX, err)) < 0)
				goto out;
			r = cal_record_add_sample(rec, t, text, len, xml_path, 0, err);
			free(text);
		}
		if (r < 0)
			goto out;
	}
out:
	tarball_free(members, nmembers);
	json_decref(js);
	if (r < 0)
		cal_record_release(rec);
	return r;
}
