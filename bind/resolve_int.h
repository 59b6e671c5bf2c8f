/*
 * resolve_int.h - what bind/resolve.c and bind/cpu_device.c share: a
 * device row's links and host parts, read the same way for a GPU and for
 * a CPU running a model alone.
 */
#ifndef RIGPLAN_BIND_RESOLVE_INT_H
#define RIGPLAN_BIND_RESOLVE_INT_H

#include "bind/rows.h"

/* The catalog's links; a missing one is kept in out->link_err. */
int bind_resolve_links(struct bind_gpu_rows *out, struct cat *cat, struct err *err);
/* The host's CPU, drive, PSU and curve around out->gpu: the ones named,
 * else the segment's defaults; a failure is kept in out->host_err. */
int bind_resolve_host(struct bind_gpu_rows *out, struct cat *cat, const char *cpu,
		      const char *ssd);
/* "cpu" or "cpu-ID" (bind_resolve_gpu, when no GPU has the name): the
 * CPU's cores as the device. */
int bind_cpu_device(struct bind_gpu_rows *out, struct cat *cat, const char *gpu,
		    const char *cpu, const char *ssd, struct err *err);
/* Whether a device name asks for a CPU alone. */
int bind_is_cpu_device(const char *gpu);

#endif
