/*
 * sampler.h - `nvidia-smi -q -x` run periodically on a thread of its own
 * while the calibration kernels run.
 *
 * Each sample keeps the raw XML (a calibration record stores it) and the
 * CLOCK_MONOTONIC time halfway through the call.  The program is
 * $RIGPLAN_NVIDIA_SMI when set (tests point it at recorded or broken
 * output), else `nvidia-smi` on the PATH.  A call that prints nothing
 * within NVSMI_TIMEOUT_S is killed: sampling never hangs the calibration.
 */
#ifndef RIGPLAN_CALIBRATE_SAMPLER_H
#define RIGPLAN_CALIBRATE_SAMPLER_H

#include <stddef.h>

struct err;

#define SAMPLER_TIMEOUT_S 10.0

struct smi_sample {
	double t;       /* CLOCK_MONOTONIC seconds */
	char *xml;      /* owned, NUL-terminated */
	size_t len;
};

struct sampler;

/* Run nvidia-smi once for the GPU at PCI bus id `bus_id` ("" for all) and
 * hand back its output. */
int sampler_once(struct smi_sample *out, const char *bus_id, struct err *err);

/* Start sampling every period_s. */
int sampler_start(struct sampler **out, const char *bus_id, double period_s,
		  struct err *err);

/* Stop, join, and hand over the samples taken (the caller frees them with
 * smi_samples_free).  A failure of any call on the thread is returned here. */
int sampler_stop(struct sampler *s, struct smi_sample **samples, size_t *n,
		 struct err *err);

void smi_samples_free(struct smi_sample *s, size_t n);

#endif
