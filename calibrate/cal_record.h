/*
 * cal_record.h - one calibration run: the device, every case and its
 * timing, and the nvidia-smi samples taken meanwhile.
 *
 * `rigplan calibrate --record DIR` writes it as DIR/calibration.json plus
 * the raw samples DIR/nvsmi-NNNN.xml; `--replay DIR` reads it back and
 * fits it again, without a GPU.  All times are seconds from the start of
 * the run.
 */
#ifndef RIGPLAN_CALIBRATE_CAL_RECORD_H
#define RIGPLAN_CALIBRATE_CAL_RECORD_H

#include <stddef.h>

#include "calibrate/ck.h"
#include "catalog/cat.h"
#include "catalog/nvsmi.h"

struct err;

#define CAL_FORMAT "rigplan-calibration-1"
#define CAL_CASES_MAX 2048
#define CAL_SAMPLES_MAX 100000

struct cal_case {
	struct ck_case c;
	char label[64];         /* what the shape is: "llama-3.1-8b gate_up" */
	int skipped;
	char note[200];         /* why it was skipped */
	struct ck_result r;
};

struct cal_sample {
	double t;
	struct nvsmi_gpu g;     /* the calibrated GPU's readings */
};

struct cal_record {
	struct ck_device dev;
	char gpu_id[CAT_ID_MAX];        /* catalog GPU it matched */
	char driver[CAT_WORD_MAX], cuda[CAT_WORD_MAX];
	char host[64];
	char date[11];                  /* YYYY-MM-DD */
	int quick;
	double idle[2];                 /* the idle window */
	struct cal_case *cases;
	size_t ncases;
	struct cal_sample *samples;
	size_t nsamples;
	char **xml;                     /* raw samples, when measured here */
};

void cal_record_init(struct cal_record *rec);
void cal_record_release(struct cal_record *rec);

/* Parse raw sample `xml` and append its reading of the GPU at the
 * record's PCI bus id. */
int cal_record_add_sample(struct cal_record *rec, double t, const char *xml, size_t len,
			  const char *name, int keep_raw, struct err *err);

/* Write to DIR (made as DIR.partial and renamed: never half-written). */
int cal_record_write(const struct cal_record *rec, const char *dir, struct err *err);

/* Read DIR back (the samples parsed again from their XML). */
int cal_record_read(struct cal_record *rec, const char *dir, struct err *err);

#endif
