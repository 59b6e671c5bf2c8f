/*
 * resolve.c - see rows.h.  The host's parts, when none is named, are the
 * catalog's default_part rows for the GPU's segment (data/defaults.sql).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bind/gguf.h"
#include "bind/hfconfig.h"
#include "bind/resolve_int.h"
#include "bind/rows.h"
#include "catalog/cat.h"
#include "models/defaults.h"
#include "util/version.h"
#include "util/xalloc.h"

static const char *const link_ids[BIND_LINK_COUNT] = {
	"nvlink", "pcie-p2p", "pcie-host", "infiniband", "xgmi"
};

int bind_gpu_desktop(const struct cat_gpu *g)
{
	return !strcmp(g->segment, "consumer") || !strcmp(g->segment, "workstation");
}

int bind_gpu_edge(const struct cat_gpu *g)
{
	return !strcmp(g->form_factor, "module") || bind_gpu_soc(g) || bind_gpu_cpu(g);
}

int bind_gpu_unified(const struct cat_gpu *g)
{
	return bind_gpu_soc(g) || bind_gpu_cpu(g);
}

int bind_gpu_soc(const struct cat_gpu *g)
{
	return !strcmp(g->form_factor, "soc");
}

int bind_gpu_mac(const struct cat_gpu *g)
{
	return bind_gpu_soc(g) && !strcmp(g->vendor, "apple");
}

double bind_gpu_system_reserve(const struct cat_gpu *g)
{
	double mem = (double)g->memory_bytes;

	/* Linux on a GB10 lets CUDA have all but the OS's share */
	if (!bind_gpu_mac(g))
		return host_default(HOST_EDGE_OS_RESERVE_BYTES);
	/* macOS lets the GPU wire only part of the memory */
	return mem * (1 - (mem > host_default(HOST_SOC_SMALL_BYTES) ?
			   host_default(HOST_SOC_GPU_SHARE) :
			   host_default(HOST_SOC_GPU_SHARE_SMALL)));
}

double bind_gpu_carrier_w(const struct cat_gpu *g)
{
	/* a Mac's row is the whole computer at the wall; a CPU's adds its
	 * DIMMs */
	if (bind_gpu_cpu(g))
		return bind_cpu_dimms(g) * host_default(HOST_DIMM_W);
	return bind_gpu_soc(g) ? 0 : host_default(HOST_EDGE_CARRIER_W);
}

/* A model by catalog name, repository id, or the path of its own files
 * (a GGUF file's header, a config.json or a model's folder). */
static int find_model(struct cat_model *out, struct cat_vision *tower, struct cat *cat,
		      const char *name, struct err *err)
{
	size_t n = strlen(name);

	if (tower)
		tower->id[0] = '\0';
	if (n > 5 && !strcmp(name + n - 5, ".gguf")) {
		struct bind_gguf g;

		if (bind_gguf_read(&g, name, err) < 0)
			return -1;
		*out = g.model;
		return 0;
	}
	if (bind_is_model_path(name))
		return bind_vlm_from_path(out, tower, name, err);
	return cat_model_find(out, cat, name, err);
}

int bind_resolve_model(struct cat_model *out, struct cat *cat, const char *name,
		       struct err *err)
{
	return find_model(out, NULL, cat, name, err);
}

int bind_resolve_model_rows(struct bind_model_rows *out, struct cat *cat, const char *name,
			    struct err *err)
{
	struct cat_checkpoint *rows = NULL;
	struct cat_model_serving *serving = NULL;
	size_t k;
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = find_model(&out->model, &out->vision, cat, name, err)) < 0 ||
	    (r = cat_checkpoints(&rows, &k, cat, out->model.id, err)) < 0)
		return r;
	out->nckpt = k < BIND_CHECKPOINTS_MAX ? k : BIND_CHECKPOINTS_MAX;
	if (out->nckpt)
		memcpy(out->ckpt, rows, out->nckpt * sizeof(*rows));
	free(rows);
	if ((r = cat_model_serving(&serving, &k, cat, out->model.id, err)) < 0)
		return r;
	out->nserving = k < BIND_SERVING_MAX ? k : BIND_SERVING_MAX;
	if (out->nserving)
		memcpy(out->serving, serving, out->nserving * sizeof(*serving));
	free(serving);
	/* a model read from its files brings its tower; the catalog's its row */
	if (out->vision.id[0]) {
		out->has_vision = 1;
		return 0;
	}
	if ((r = cat_vision(&out->vision, cat, out->model.id, err)) < 0)
		return r;
	out->has_vision = r;
	return 0;
}

/* The family's own kernel figures, by architecture. */
static int engine_kernels(struct bind_engine_rows *out, struct cat *cat, struct err *err)
{
	struct cat_engine_kernel *k = NULL;
	size_t n;
	int r;

	if ((r = cat_engine_kernels(&k, &n, cat, out->engine.family, err)) < 0)
		return r;
	if (n > BIND_KERNELS_MAX) {
		free(k);
		return err_set(err, ERR_DB, "the catalog lists %zu kernel rows for %s; rigplan"
			       " reads at most %d", n, out->engine.family, BIND_KERNELS_MAX);
	}
	out->nkernels = n;
	if (n)
		memcpy(out->kernel, k, n * sizeof(*k));
	free(k);
	return 0;
}

int bind_resolve_engine(struct bind_engine_rows *out, struct cat *cat, const char *name,
			const struct cat_model *model, struct err *err)
{
	struct cat_engine_image *img = NULL;
	size_t n;
	int r;

	memset(out, 0, sizeof(*out));
	/* a GGUF file's model runs where GGUF files are served */
	if (!name)
		name = model && !strncmp(model->native_dtype, "gguf-", 5) ? "llama-cpp" : "vllm";
	if ((r = cat_engine_find(&out->engine, cat, name, err)) < 0 ||
	    (r = cat_engine_images(&img, &n, cat, out->engine.id, err)) < 0)
		return r;
	if (n > BIND_IMAGES_MAX) {
		/* dropping some would hide the GPUs only they serve */
		free(img);
		return err_set(err, ERR_DB, "the catalog lists %zu images for %s; rigplan"
			       " reads at most %d", n, out->engine.id, BIND_IMAGES_MAX);
	}
	out->nimages = n;
	if (n)
		memcpy(out->image, img, n * sizeof(*img));
	free(img);
	if ((r = cat_engine_model(&out->loads, cat, out->engine.family, model->architecture,
				  err)) < 0)
		return r;
	out->has_loads = r;
	{
		struct cat_engine_policy pol;

		if ((r = cat_engine_policy(&pol, cat, out->engine.family, err)) < 0)
			return r;
		out->reserves = r && !strcmp(pol.admission, "reserve");
	}
	if ((r = cat_engine_host(&out->host, cat, out->engine.family, err)) < 0)
		return r;
	out->has_host = r;
	if ((r = cat_engine_allreduce(&out->allreduce, cat, out->engine.family, err)) < 0)
		return r;
	out->has_allreduce = r;
	return engine_kernels(out, cat, err);
}

/* Errors a row may keep; a database that fails fails the whole read. */
static int kept(int r, const struct err *e)
{
	return r < 0 && e->code != ERR_DB && e->code != ERR_IO;
}

/* Row `kind` of the host: the one named, else the catalog's default for
 * the segment (its default_part table). */
static int host_part(void *row, struct cat *cat, enum cat_kind kind, const char *name,
		     const char *segment, struct err *err)
{
	char id[CAT_ID_MAX];
	int r;

	if (!name) {
		if ((r = cat_default_part(id, cat, segment, kind, err)) < 0)
			return r;
		name = id;
	}
	return cat_find(row, cat, kind, name, err);
}

int bind_resolve_host(struct bind_gpu_rows *g, struct cat *cat, const char *cpu, const char *ssd)
{
	/* an edge module's carrier takes an M.2 drive, as a desktop does; a
	 * CPU server is a server */
	int server = !bind_gpu_desktop(&g->gpu) &&
		     (!bind_gpu_edge(&g->gpu) || bind_gpu_cpu(&g->gpu));
	const char *segment = server ? "server" : "desktop";
	int r;

	if ((r = host_part(&g->cpu, cat, CAT_CPU, cpu, segment, &g->host_err)) < 0 ||
	    (r = host_part(&g->ssd, cat, CAT_SSD, ssd, segment, &g->host_err)) < 0 ||
	    (r = host_part(&g->psu, cat, CAT_PSU, NULL, segment, &g->host_err)) < 0)
		return r;
	if ((r = cat_cpu_memory(&g->cpu_memory, cat, g->cpu.id, &g->host_err)) < 0)
		return r;
	if (r == 0)
		g->cpu_memory.memory_mts = 0;
	return cat_psu_curve(g->psu_curve.load, g->psu_curve.eff, &g->psu_curve.n,
			     sizeof(g->psu_curve.load) / sizeof(double), cat,
			     g->psu.efficiency_level,
			     server ? "230v-internal-redundant" : "115v-internal", &g->host_err);
}

int bind_resolve_links(struct bind_gpu_rows *out, struct cat *cat, struct err *err)
{
	size_t i;
	int r;

	for (i = 0; i < BIND_LINK_COUNT; i++) {
		r = cat_find(&out->link[i], cat, CAT_LINK, link_ids[i], &out->link_err[i]);
		if (r < 0 && !kept(r, &out->link_err[i]))
			return err_copy(err, &out->link_err[i]);
	}
	return 0;
}

int bind_resolve_gpu(struct bind_gpu_rows *out, struct cat *cat, const char *gpu,
		     const char *cpu, const char *ssd, struct err *err)
{
	int r;

	memset(out, 0, sizeof(*out));
	r = cat_gpu_find(&out->gpu, cat, gpu, err);
	/* no GPU of that name: "cpu" or "cpu-ID", the CPU alone */
	if (r < 0 && err->code == ERR_NOTFOUND && bind_is_cpu_device(gpu)) {
		err_clear(err);
		return bind_cpu_device(out, cat, gpu, cpu, ssd, err);
	}
	if (r < 0)
		return r;
	if ((r = cat_gpu_product(out->product, cat, out->gpu.id, err)) < 0)
		return r;
	if (r == 0)
		snprintf(out->product, sizeof(out->product), "%s", out->gpu.name);
	r = cat_efficiency_for(&out->eff, cat, &out->gpu, &out->eff_err);
	if (r < 0 && !kept(r, &out->eff_err))
		return err_copy(err, &out->eff_err);
	if ((r = bind_resolve_links(out, cat, err)) < 0)
		return r;
	r = bind_resolve_host(out, cat, cpu, ssd);
	if (r < 0 && !kept(r, &out->host_err))
		return err_copy(err, &out->host_err);
	if ((r = cat_gpu_target(&out->target, cat, out->gpu.id, err)) < 0)
		return r;
	out->has_target = r;
	return 0;
}

int bind_resolve(struct bind_rows *out, struct cat *cat, const struct bind_names *n,
		 struct err *err)
{
	int r;

	memset(out, 0, sizeof(*out));
	if ((r = bind_resolve_model_rows(&out->m, cat, n->model, err)) < 0 ||
	    (r = bind_resolve_gpu(&out->g, cat, n->gpu, n->cpu, n->ssd, err)) < 0 ||
	    (r = bind_resolve_engine(&out->e, cat, n->engine, &out->m.model, err)) < 0)
		return r;
	if (out->g.eff_err.code != ERR_OK)
		return err_copy(err, &out->g.eff_err);
	return 0;
}

int bind_resolve_ids(char (**ids)[CAT_ID_MAX], struct cat *cat, enum cat_kind kind,
		     const char *const *names, size_t n, struct err *err)
{
	size_t i;
	int r;

	*ids = n ? xcalloc(n, sizeof(**ids)) : NULL;
	for (i = 0; i < n; i++)
		if ((r = cat_resolve((*ids)[i], cat, kind, names[i], err)) < 0)
			return r;
	return 0;
}

int bind_device_row(struct cat_gpu *out, struct cat *cat, const char *id, struct err *err)
{
	struct bind_gpu_rows *rows;
	int r = cat_find(out, cat, CAT_GPU, id, err);

	if (r == 0 || err->code != ERR_NOTFOUND || !bind_is_cpu_device(id) || !strcmp(id, "cpu"))
		return r;
	err_clear(err);
	rows = xmalloc(sizeof(*rows));
	if ((r = bind_cpu_device(rows, cat, id, NULL, NULL, err)) == 0)
		*out = rows->gpu;
	free(rows);
	return r;
}

int bind_resolve_device_ids(char (**ids)[CAT_ID_MAX], struct cat *cat, const char *const *names,
			    size_t n, struct err *err)
{
	struct cat_gpu g;
	size_t i;
	int r;

	*ids = n ? xcalloc(n, sizeof(**ids)) : NULL;
	for (i = 0; i < n; i++) {
		/* "cpu": every CPU that runs a model alone */
		if (!strcmp(names[i], "cpu")) {
			snprintf((*ids)[i], CAT_ID_MAX, "cpu");
			continue;
		}
		if ((r = bind_device_row(&g, cat, names[i], err)) < 0)
			return r;
		snprintf((*ids)[i], CAT_ID_MAX, "%s", g.id);
	}
	return 0;
}

int bind_list_gpus(struct cat_gpu **out, size_t *n, struct cat *cat, struct err *err)
{
	return cat_list((void **)out, n, cat, CAT_GPU, err);
}

int bind_list_devices(struct cat_gpu **out, size_t *n, struct cat *cat, struct err *err)
{
	struct cat_cpu_core *cores = NULL;
	struct bind_gpu_rows *rows;
	size_t i, k, cap;
	int r;

	if ((r = bind_list_gpus(out, n, cat, err)) < 0)
		return r;
	if ((r = cat_cpu_cores(&cores, &k, cat, err)) < 0)
		return r;
	cap = *n;
	rows = xmalloc(sizeof(*rows));
	/* a CPU the catalog cannot make a device of (no memory speed, no
	 * efficiency row) is left out, as a GPU without a price is kept */
	for (i = 0; i < k; i++) {
		struct err e = ERR_INIT;

		if (bind_cpu_device(rows, cat, "cpu", cores[i].id, NULL, &e) < 0) {
			if (e.code == ERR_DB || e.code == ERR_IO) {
				r = err_copy(err, &e);
				break;
			}
			continue;
		}
		if (rows->eff_err.code != ERR_OK)
			continue;
		*out = xgrow(*out, &cap, *n + 1, sizeof(**out));
		(*out)[(*n)++] = rows->gpu;
	}
	free(rows);
	free(cores);
	return r < 0 ? r : 0;
}

static int newest_first(const void *pa, const void *pb)
{
	const struct cat_engine *a = pa, *b = pb;
	int c = strcmp(a->family, b->family);

	return c ? c : -version_cmp(a->version, b->version);
}

int bind_list_engines(struct cat_engine **out, size_t *n, struct cat *cat, struct err *err)
{
	int r;

	if ((r = cat_list((void **)out, n, cat, CAT_ENGINE, err)) < 0)
		return r;
	if (*n)
		qsort(*out, *n, sizeof(**out), newest_first);
	return 0;
}

int bind_read_begin(struct cat *cat, struct err *err)
{
	return cat_snapshot_begin(cat, err);
}

void bind_read_end(struct cat *cat)
{
	cat_snapshot_end(cat);
}
