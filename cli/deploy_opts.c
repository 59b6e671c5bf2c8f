/*
 * deploy_opts.c - see deploy_opts.h.  Limits are far past any real
 * deployment, so that typos fail loudly.
 */
#include <stdio.h>
#include <string.h>

#include "cli/deploy_opts.h"
#include "util/err.h"
#include "util/units.h"

#define MAX_GPUS 4096
#define MAX_SEQS 65536
#define MAX_STEP_TOKENS 10000000
/* llama.cpp takes any -ngl (999: all); past the layers it changes nothing */
#define MAX_LAYERS 100000

int deploy_opt(struct deploy_request *q, int id, const char *arg, struct err *err)
{
	int r = 0;

	switch (id) {
	case DO_MODEL: q->model = arg; break;
	case DO_GPU: q->gpu = arg; break;
	case DO_GPUS: r = opt_size(&q->gpus, "--gpus", arg, 1, MAX_GPUS, err); break;
	case DO_TP: r = opt_size(&q->tp, "--tp", arg, 1, MAX_GPUS, err); break;
	case DO_EP: r = opt_size(&q->ep, "--ep", arg, 1, MAX_GPUS, err); break;
	case DO_PP: r = opt_size(&q->pp, "--pp", arg, 1, MAX_GPUS, err); break;
	case DO_PREC: q->precision = arg; break;
	case DO_KVPREC: q->kv_precision = arg; break;
	case DO_ENGINE: q->engine = arg; break;
	case DO_MAX_SEQS:
		r = opt_size(&q->max_seqs, "--max-num-seqs", arg, 1, MAX_SEQS, err);
		break;
	case DO_MAX_TOKENS:
		r = opt_size(&q->max_batched_tokens, "--max-num-batched-tokens", arg, 1,
			     MAX_STEP_TOKENS, err);
		break;
	case DO_POWER_LIMIT: r = opt_double(&q->power_limit_w, "--power-limit", arg, 1, 1e5, err); break;
	case DO_KWH: r = opt_double(&q->usd_per_kwh, "--usd-per-kwh", arg, 0, 10, err); break;
	case DO_PUE: r = opt_double(&q->pue, "--pue", arg, 1, 5, err); break;
	case DO_YEARS: r = opt_double(&q->years, "--years", arg, 0.1, 50, err); break;
	case DO_UTIL: r = opt_double(&q->utilization, "--utilization", arg, 0.001, 1, err); break;
	case DO_PRICE: r = opt_double(&q->gpu_price_usd, "--gpu-price", arg, 0, 1e7, err); break;
	case DO_RENT: r = opt_double(&q->rent_usd_per_h, "--rent", arg, 0, 1e6, err); break;
	case DO_SSD: q->ssd = arg; break;
	case DO_CPU: q->cpu = arg; break;
	case DO_RAM: r = opt_ram(&q->ram_bytes, arg, err); break;
	case DO_PSU_RED: {
		enum psu_redundancy red;

		if (psu_redundancy_parse(&red, arg) < 0)
			return err_set(err, ERR_INVAL, "--psu-redundancy '%.20s': expected "
				       PSU_REDUNDANCY_NAMES, arg);
		q->psu_redundancy = arg;
		break;
	}
	case DO_GPN: r = opt_size(&q->gpus_per_node, "--gpus-per-node", arg, 1, 64, err); break;
	case DO_INLET: r = opt_double(&q->inlet_c, "--inlet-temp", arg, -10, 60, err); break;
	case DO_DELTA_T: r = opt_double(&q->delta_t_c, "--delta-t", arg, 1, 60, err); break;
	case DO_MATERIALIZE: q->materialize = 1; break;
	case DO_GPU_LAYERS:
		if (!strcmp(arg, "auto")) {
			q->layers = DEPLOY_LAYERS_AUTO;
			break;
		}
		q->layers = DEPLOY_LAYERS_N;
		r = opt_size(&q->gpu_layers, "--gpu-layers", arg, 0, MAX_LAYERS, err);
		if (r < 0)
			err_set(err, ERR_INVAL, "--gpu-layers '%.20s': expected a count of layers "
				"(0 to %d) or auto", arg, MAX_LAYERS);
		break;
	case DO_CPU_OFFLOAD:
		r = opt_double(&q->cpu_offload_bytes, "--cpu-offload-gb", arg, 0, 1e5, err);
		q->cpu_offload_bytes *= UNIT_GIB;
		break;
	case DO_KV_OFFLOAD: q->kv_offload = 1; break;
	case DO_EAGER: q->eager = 1; break;
	case DO_MEM_FRACTION:
		r = opt_double(&q->mem_fraction, "--gpu-memory-utilization", arg, 0.05, 1, err);
		break;
	case DO_IMAGES: r = opt_size(&q->work.images, "--images", arg, 0, 64, err); break;
	case DO_IMAGE_SIZE: r = opt_image_size(&q->work.image_w, &q->work.image_h, arg, err); break;
	default:
		return 1;
	}
	return r;
}
