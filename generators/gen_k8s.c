/*
 * gen_k8s.c - Kubernetes manifests for a plan.
 *
 * Single-node replicas: a Deployment (one pod per replica), a Service, a
 * HorizontalPodAutoscaler, a PodDisruptionBudget and a PVC for the
 * weights cache.  Replicas whose pipeline spans nodes: a LeaderWorkerSet
 * (leaderworkerset.x-k8s.io/v1) with one pod per node.  Pods ask for
 * their GPUs as nvidia.com/gpu limits, land on nodes whose
 * nvidia.com/gpu.product label (NVIDIA GPU feature discovery: the
 * nvidia-smi product name with spaces as dashes) names the planned GPU,
 * tolerate the nvidia.com/gpu taint; AMD's GPUs are amd.com/gpu (AMD's
 * device plugin), on nodes that have them (rigplan knows no sourced
 * amd.com/gpu.product-name of most of them, so it selects none: a
 * cluster mixing AMD GPU types needs its own selector), and get a
 * memory-backed /dev/shm for
 * NCCL, an init container that fetches the weights into the cache volume
 * (so the startup probe waits for the load alone: twice the planned cold
 * load), readiness and liveness probes on the engine's health endpoint, and
 * CPU and memory requests from the planned node divided among its
 * replicas.  Every string is a YAML double-quoted scalar.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "generators/gen_deploy.h"
#include "generators/gen_engine.h"
#include "generators/gen_writer.h"
#include "models/defaults.h"
#include "util/err.h"
#include "util/units.h"


static void kv(struct sbuf *sb, int indent, const char *key, const char *value)
{
	sbuf_addf(sb, "%*s%s: ", indent, "", key);
	gen_yaml_str(sb, value);
	sbuf_addch(sb, '\n');
}

static void labels(struct sbuf *sb, int indent, const char *name)
{
	sbuf_addf(sb, "%*slabels:\n", indent, "");
	kv(sb, indent + 2, "app.kubernetes.io/name", name);
	kv(sb, indent + 2, "app.kubernetes.io/managed-by", "rigplan");
}

static void meta(struct sbuf *sb, const char *api, const char *kind, const char *name)
{
	sbuf_addstr(sb, "---\n");
	kv(sb, 0, "apiVersion", api);
	kv(sb, 0, "kind", kind);
	sbuf_addstr(sb, "metadata:\n");
	kv(sb, 2, "name", name);
	labels(sb, 2, name);
}

static void str_list(struct sbuf *sb, int indent, const char *key, const struct gen_argv *a)
{
	size_t i;

	sbuf_addf(sb, "%*s%s:\n", indent, "", key);
	for (i = 0; i < a->n; i++) {
		sbuf_addf(sb, "%*s- ", indent, "");
		if (gen_is_api_key(a->v[i]))    /* expanded from the container's env */
			sbuf_addstr(sb, "\"$(" GEN_API_KEY_ENV ")\"");
		else
			gen_yaml_noexpand(sb, a->v[i]);
		sbuf_addch(sb, '\n');
	}
}

/*
 * "NVIDIA H100 80GB HBM3" -> "NVIDIA-H100-80GB-HBM3", the value GPU feature
 * discovery puts in its label.  Anything else a label value may not hold
 * (it is at most 63 of [A-Za-z0-9._-], alphanumeric at both ends) becomes
 * '-' or is cut, so that a strange product name still gives a manifest
 * the API server accepts, which simply matches no node.
 */
static void product_label(char *out, size_t size, const char *product)
{
	size_t i, n = 0, first = 0;

	for (i = 0; product[i] && n + 1 < size && n < 63; i++) {
		unsigned char ch = (unsigned char)product[i];

		out[n++] = (ch < 0x80 && isalnum(ch)) || strchr("._-", ch) ? (char)ch : '-';
	}
	while (n && !isalnum((unsigned char)out[n - 1]))
		n--;
	out[n] = '\0';
	while (out[first] && !isalnum((unsigned char)out[first]))
		first++;
	memmove(out, out + first, n - first + 1);
}

static void probe(struct sbuf *sb, int in, const char *kind, const struct gen_engine *e,
		  size_t period, size_t failures)
{
	sbuf_addf(sb, "%*s%s:\n%*shttpGet:\n", in, "", kind, in + 2, "");
	kv(sb, in + 4, "path", e->health_path);
	sbuf_addf(sb, "%*sport: %zu\n%*speriodSeconds: %zu\n%*sfailureThreshold: %zu\n",
		  in + 4, "", e->port, in + 2, "", period, in + 2, "", failures);
}

/* A container's environment: NAME=value literally, a bare NAME from the
 * secret the user creates (kubectl create secret generic hf-token
 * --from-literal=token=...), optional so that public models need none. */
static void env_list(struct sbuf *sb, int c, const struct gen_argv *env)
{
	size_t i;

	if (!env->n)
		return;
	sbuf_addf(sb, "%*senv:\n", c, "");
	for (i = 0; i < env->n; i++) {
		char name[128];
		const char *eq = strchr(env->v[i], '=');

		snprintf(name, sizeof(name), "%.*s", eq ? (int)(eq - env->v[i]) : 127, env->v[i]);
		sbuf_addf(sb, "%*s- name: ", c, "");
		gen_yaml_str(sb, name);
		sbuf_addch(sb, '\n');
		if (eq) {
			sbuf_addf(sb, "%*svalue: ", c + 2, "");
			gen_yaml_noexpand(sb, eq + 1);
			sbuf_addch(sb, '\n');
		} else if (!strcmp(name, GEN_API_KEY_ENV)) {
			/* kubectl create secret generic rigplan-api-key --from-literal=key=... */
			sbuf_addf(sb, "%*svalueFrom:\n%*ssecretKeyRef:\n", c + 2, "", c + 4, "");
			kv(sb, c + 6, "name", "rigplan-api-key");
			kv(sb, c + 6, "key", "key");
		} else {
			sbuf_addf(sb, "%*svalueFrom:\n%*ssecretKeyRef:\n", c + 2, "", c + 4, "");
			kv(sb, c + 6, "name", "hf-token");
			kv(sb, c + 6, "key", "token");
			sbuf_addf(sb, "%*soptional: true\n", c + 6, "");
		}
	}
}

/* The weights step (gen_engine.h), run to completion before the server
 * starts: the startup probe then waits for the load alone. */
static void init_fetch(struct sbuf *sb, int in, const struct gen_engine *e)
{
	const struct gen_fetch *f = &e->fetch;
	struct gen_argv entry = { { NULL }, 0 };
	int c = in + 2;

	if (!f->image[0])
		return;
	entry.v[0] = (char *)f->entrypoint;
	entry.n = 1;
	sbuf_addf(sb, "%*sinitContainers:\n%*s- name: \"weights\"\n", in, "", in, "");
	kv(sb, c, "image", f->image);
	str_list(sb, c, "command", &entry);
	str_list(sb, c, "args", &f->args);
	env_list(sb, c, &f->env);
	sbuf_addf(sb, "%*svolumeMounts:\n%*s- name: \"cache\"\n", c, "", c, "");
	kv(sb, c + 2, "mountPath", e->cache_dir);
}

/* The pod spec shared by Deployment and LeaderWorkerSet templates. */
static void pod_spec(struct sbuf *sb, int in, const struct plan_candidate *cand,
		     const struct gen_engine *e, const char *pvc, size_t gpus, int probes,
		     const char *script, const char *rdma)
{
	size_t per = gen_replicas_per_node(cand);
	/* the replica's own needs (weights staged while loading, the engine's
	 * swap per GPU, the OS reserve for the process: models/defaults.h),
	 * within its share of the node;
	 * CPUs: 8 threads per GPU, within its share of 80% of the node's */
	double reserve = host_default(HOST_OS_RESERVE_BYTES);
	double mem = fmin((cand->node.ram_bytes - reserve) / (double)per,
			  cand->weights_bytes / (double)(cand->gpus_per_replica / gpus) +
			  (host_default(HOST_SWAP_BYTES_PER_GPU) * (double)gpus + reserve));
	size_t cpu = cand->node.cpu_threads * 8 / 10 / per;
	char product[PLAN_NAME_MAX], buf[64], mem_s[32];
	int c, ib = script && !strcmp(cand->node.fabric, "infiniband");

	/* a CPU alone: the model, its cache and the OS's share in the pod's
	 * memory, and the node's cores (all but a fifth) its own */
	if (gen_gpu_none(cand))
		mem = (cand->node.ram_bytes - reserve) / (double)per;
	else if (cpu > 8 * gpus)
		cpu = 8 * gpus;
	if (!gen_gpu_amd(cand) && !gen_gpu_none(cand)) {
		product_label(product, sizeof(product), cand->gpu_product);
		sbuf_addf(sb, "%*snodeSelector:\n", in, "");
		kv(sb, in + 2, "nvidia.com/gpu.product", product);
	}
	if (!gen_gpu_none(cand))
		sbuf_addf(sb, "%*stolerations:\n%*s- key: \"%s\"\n%*soperator: \"Exists\"\n"
			  "%*seffect: \"NoSchedule\"\n", in, "", in, "", gen_gpu_resource(cand),
			  in + 2, "", in + 2, "");
	init_fetch(sb, in, e);
	sbuf_addf(sb, "%*scontainers:\n%*s- name: \"engine\"\n", in, "", in, "");
	c = in + 2;
	kv(sb, c, "image", e->image);
	if (script) {
		struct gen_argv sh = { { (char *)"/bin/sh", (char *)"-c", (char *)script }, 3 };

		str_list(sb, c, "command", &sh);
	} else if (e->args.n) {
		str_list(sb, c, e->shell_entrypoint ? "command" : "args", &e->args);
	}
	env_list(sb, c, &e->env);
	sbuf_addf(sb, "%*sports:\n%*s- containerPort: %zu\n%*sname: \"http\"\n", c, "",
		  c, "", e->port, c + 2, "");
	if (ib)  /* RDMA registers locked memory (vLLM's multi-node pod spec) */
		sbuf_addf(sb, "%*ssecurityContext:\n%*scapabilities:\n%*sadd: [\"IPC_LOCK\"]\n",
			  c, "", c + 2, "", c + 4, "");
	snprintf(mem_s, sizeof(mem_s), "%.0fGi", floor(fmax(mem, UNIT_GIB) / UNIT_GIB));
	if (gen_gpu_none(cand)) {
		/* the model's memory is the pod's: a limit as large as the
		 * request keeps it from being evicted first under pressure */
		sbuf_addf(sb, "%*sresources:\n%*slimits:\n", c, "", c + 2, "");
		kv(sb, c + 4, "memory", mem_s);
		sbuf_addf(sb, "%*srequests:\n", c + 2, "");
	} else {
		sbuf_addf(sb, "%*sresources:\n%*slimits:\n%*s%s: %zu\n", c, "",
			  c + 2, "", c + 4, "", gen_gpu_resource(cand), gpus);
		if (ib && rdma)
			sbuf_addf(sb, "%*s%s: 1\n", c + 4, "", rdma);
		sbuf_addf(sb, "%*srequests:\n%*s%s: %zu\n", c + 2, "", c + 4, "",
			  gen_gpu_resource(cand), gpus);
		if (ib && rdma)
			sbuf_addf(sb, "%*s%s: 1\n", c + 4, "", rdma);
	}
	snprintf(buf, sizeof(buf), "%zu", cpu ? cpu : 1);
	kv(sb, c + 4, "cpu", buf);
	kv(sb, c + 4, "memory", mem_s);
	sbuf_addf(sb, "%*svolumeMounts:\n%*s- name: \"cache\"\n", c, "", c, "");
	kv(sb, c + 2, "mountPath", e->cache_dir);
	sbuf_addf(sb, "%*s- name: \"dshm\"\n%*smountPath: \"/dev/shm\"\n", c, "", c + 2, "");
	if (probes) {
		probe(sb, c, "startupProbe", e, 10, gen_start_period_s(cand) / 10);
		probe(sb, c, "readinessProbe", e, 10, 3);
		probe(sb, c, "livenessProbe", e, 30, 5);
	}
	sbuf_addf(sb, "%*svolumes:\n%*s- name: \"cache\"\n%*spersistentVolumeClaim:\n", in, "",
		  in, "", in + 2, "");
	kv(sb, in + 4, "claimName", pvc);
	sbuf_addf(sb, "%*s- name: \"dshm\"\n%*semptyDir:\n%*smedium: \"Memory\"\n", in, "",
		  in + 2, "", in + 4, "");
	/* NCCL's buffers; vLLM's docs use 10-20 GiB for multi-GPU pods */
	kv(sb, in + 4, "sizeLimit", gpus > 1 ? "16Gi" : "2Gi");
}

static void selector(struct sbuf *sb, int in, const char *name)
{
	sbuf_addf(sb, "%*sselector:\n%*smatchLabels:\n", in, "", in + 2, "");
	kv(sb, in + 4, "app.kubernetes.io/name", name);
}

int gen_k8s(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
	    struct err *err)
{
	struct gen_engine e;
	char name[64], pvc[80], buf[64];
	int multi = gen_nodes_per_replica(c) > 1;
	struct sbuf lead, work;
	size_t per_pod = multi ? c->node.gpus : c->gpus_per_replica;
	int ib = multi && !strcmp(c->node.fabric, "infiniband"), r;
	const char *rdma = o ? o->rdma_resource : NULL;

	if ((r = gen_check_container(c, "k8s", err)) < 0)
		return r;
	if (rdma && !ib)
		return err_set(err, ERR_INVAL, "--rdma-resource: no replica of this plan spans "
			       "InfiniBand-joined nodes");
	if (rdma && !gen_resource_name_ok(rdma))
		return err_set(err, ERR_INVAL, "--rdma-resource '%.80s': expected an extended "
			       "resource name such as rdma/ib (domain/name)", rdma);
	if ((r = gen_engine_build(&e, c, c->port, o && o->api_key, err)) < 0)
		return r;
	sbuf_init(&lead);
	sbuf_init(&work);
	/* LWS gives every pod its index and the leader's address as LWS_*
	 * variables (LeaderWorkerSet docs) */
	if (multi && ((r = gen_engine_node_script(&lead, &e, c, 1, "\"$LWS_WORKER_INDEX\"",
						   "\"$LWS_LEADER_ADDRESS\"", err)) < 0 ||
		      (r = gen_engine_node_script(&work, &e, c, 0, "\"$LWS_WORKER_INDEX\"",
						   "\"$LWS_LEADER_ADDRESS\"", err)) < 0)) {
		sbuf_release(&lead);
		sbuf_release(&work);
		gen_engine_release(&e);
		return r;
	}
	gen_name(name, sizeof(name), c, "");
	snprintf(pvc, sizeof(pvc), "%s-cache", name);
	if (gen_gpu_none(c))
		sbuf_addf(sb, "# rigplan generate k8s: %zu replica%s, each on a node's CPU alone (no GPU)\n",
			  c->replicas, c->replicas == 1 ? "" : "s");
	else
		sbuf_addf(sb, "# rigplan generate k8s: %zu replica%s of %zu GPU%s each\n", c->replicas,
			  c->replicas == 1 ? "" : "s", c->gpus_per_replica,
			  c->gpus_per_replica == 1 ? "" : "s");
	if (ib && !rdma)
		sbuf_addstr(sb, "# InfiniBand joins each replica's nodes: the pods reach the HCAs only\n"
			    "# through the cluster's RDMA device plugin; regenerate with\n"
			    "# --rdma-resource NAME (e.g. rdma/rdma_shared_device_a of the NVIDIA\n"
			    "# Network Operator), else NCCL falls back to TCP sockets.\n");

	meta(sb, "v1", "PersistentVolumeClaim", pvc);
	sbuf_addstr(sb, "spec:\n  accessModes: [\"ReadWriteMany\"]\n  resources:\n    requests:\n");
	snprintf(buf, sizeof(buf), "%.0fGi", ceil(fmax(c->weights_bytes * 1.5, 10 * UNIT_GIB) / UNIT_GIB));
	kv(sb, 6, "storage", buf);

	if (!multi) {
		meta(sb, "apps/v1", "Deployment", name);
		sbuf_addf(sb, "spec:\n  replicas: %zu\n", c->replicas);
		/* a new pod needs the GPUs the old one holds: replace one at a
		 * time instead of surging (the default 25%% surge waits for GPUs
		 * the plan did not buy) */
		sbuf_addstr(sb, "  strategy:\n    type: \"RollingUpdate\"\n    rollingUpdate:\n"
			    "      maxSurge: 0\n      maxUnavailable: 1\n");
		selector(sb, 2, name);
		sbuf_addstr(sb, "  template:\n    metadata:\n");
		labels(sb, 6, name);
		sbuf_addstr(sb, "    spec:\n");
		pod_spec(sb, 6, c, &e, pvc, per_pod, 1, NULL, NULL);
	} else {
		meta(sb, "leaderworkerset.x-k8s.io/v1", "LeaderWorkerSet", name);
		sbuf_addf(sb, "spec:\n  replicas: %zu\n  leaderWorkerTemplate:\n    size: %zu\n",
			  c->replicas, gen_nodes_per_replica(c));
		sbuf_addstr(sb, "    leaderTemplate:\n      metadata:\n");
		labels(sb, 8, name);
		sbuf_addstr(sb, "      spec:\n");
		pod_spec(sb, 8, c, &e, pvc, per_pod, 1, lead.buf, rdma);
		sbuf_addstr(sb, "    workerTemplate:\n      spec:\n");
		pod_spec(sb, 8, c, &e, pvc, per_pod, 0, work.buf, rdma);
		sbuf_release(&lead);
		sbuf_release(&work);
	}

	meta(sb, "v1", "Service", name);
	sbuf_addstr(sb, "spec:\n");
	sbuf_addstr(sb, "  selector:\n");
	kv(sb, 4, "app.kubernetes.io/name", name);
	if (multi)  /* the leader serves; LWS labels each pod with its index */
		kv(sb, 4, "leaderworkerset.sigs.k8s.io/worker-index", "0");
	sbuf_addf(sb, "  ports:\n  - name: \"http\"\n    port: %zu\n    targetPort: %zu\n",
		  e.port, e.port);

	/* no autoscaler where the engine exports no queue gauge rigplan knows */
	if (!multi && e.queue_metric) {
		meta(sb, "autoscaling/v2", "HorizontalPodAutoscaler", name);
		sbuf_addstr(sb, "spec:\n  scaleTargetRef:\n");
		kv(sb, 4, "apiVersion", "apps/v1");
		kv(sb, 4, "kind", "Deployment");
		kv(sb, 4, "name", name);
		/* the plan's replicas are the floor; twice that the ceiling.  The
		 * metric is the engine's waiting queue, served to the HPA by a
		 * metrics adapter (e.g. prometheus-adapter) */
		sbuf_addf(sb, "  minReplicas: %zu\n  maxReplicas: %zu\n", c->replicas, 2 * c->replicas);
		sbuf_addstr(sb, "  metrics:\n  - type: \"Pods\"\n    pods:\n      metric:\n");
		kv(sb, 8, "name", e.queue_metric);
		sbuf_addstr(sb, "      target:\n        type: \"AverageValue\"\n        averageValue: \"4\"\n");
	}

	meta(sb, "policy/v1", "PodDisruptionBudget", name);
	sbuf_addstr(sb, "spec:\n  maxUnavailable: 1\n");
	selector(sb, 2, name);
	sbuf_release(&lead);
	sbuf_release(&work);
	gen_engine_release(&e);
	return 0;
}
