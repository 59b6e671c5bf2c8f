/*
 * gen_engine.h - the serving engine's own command line for a planned
 * replica: the image, the arguments after it, the port and the health
 * endpoint, for vLLM's OpenAI server, SGLang, TGI, TensorRT-LLM's
 * trtllm-serve, llama.cpp's server and Ollama.  The flags are derived
 * from the plan (tensor and pipeline parallel size, maximum model length,
 * memory utilization, maximum sequences, quantization, KV cache format)
 * and spelled as each engine's documentation names them for the version
 * in the catalog.  Pure text: no I/O.
 */
#ifndef RIGPLAN_GENERATORS_GEN_ENGINE_H
#define RIGPLAN_GENERATORS_GEN_ENGINE_H

#include <stddef.h>

#include "planner/plan.h"
#include "util/sbuf.h"

struct err;

#define GEN_ARGV_MAX 48

struct gen_argv {
	char *v[GEN_ARGV_MAX];      /* owned */
	size_t n;
};

/* The step that puts the weights where the server reads them, run to
 * completion before the server starts (a `docker run --rm` line, a
 * Compose service the server waits for, a Kubernetes init container),
 * with the server's cache volume at the same path; it skips what is
 * there already, so a restart does not fetch again. */
struct gen_fetch {
	char image[200];
	char entrypoint[64];        /* the program the image runs instead of the server */
	struct gen_argv args;
	size_t operands;            /* args from here on: what is fetched (a repository and
				     * its files, an Ollama name), after the program's script */
	struct gen_argv env;        /* NAME=value, or NAME: passed from the host */
};

struct gen_engine {
	char image[200];            /* image:tag */
	struct gen_argv args;       /* after the image (the container's command) */
	struct gen_argv env;        /* NAME=value */
	int shell_entrypoint;       /* args replace the entrypoint (sglang, trtllm-serve) */
	const char *cache_dir;      /* where the image keeps downloaded weights */
	size_t port;
	char health_path[64];
	struct gen_argv health;     /* a command in the image that checks the endpoint */
	const char *queue_metric;   /* the Prometheus gauge of waiting requests, or NULL */
	struct gen_fetch fetch;
};

/* Build the engine's command for candidate `c`; `port` is the one this
 * container listens on.  ERR_INVAL, with *out empty (release is still
 * safe), for an engine rigplan writes no command for, or a weight format
 * the engine cannot load (llama.cpp reads GGUF files only): a plan file
 * may say anything, and a guessed command would start the wrong server. */
int gen_engine_build(struct gen_engine *out, const struct plan_candidate *c, size_t port,
		     int api_key, struct err *err);

/* Whether the plan's server runs natively from a release archive or a
 * Python package (on macOS, engine_image darwin/arm64: its image is the
 * archive's URL, or "pypi:" and the requirement) rather than in a
 * container; its GGUF paths are then relative to the weights' directory. */
int gen_engine_native(const struct plan_candidate *c);
/* Whether the plan's GPUs are AMD's, which containers reach through ROCm's
 * device files rather than NVIDIA's container toolkit. */
int gen_gpu_amd(const struct plan_candidate *c);
/* Whether the plan has no GPU at all: a CPU runs the model alone (its
 * gpu_vendor "none"), so no container asks for a device. */
int gen_gpu_none(const struct plan_candidate *c);
/* The Kubernetes resource the GPUs are scheduled as: nvidia.com/gpu, or
 * amd.com/gpu (AMD's device plugin). */
const char *gen_gpu_resource(const struct plan_candidate *c);

/* The pip requirements of a server released as a Python package
 * (engine_image "pypi:mlx-lm==0.31.3 mlx==0.31.2"), installed natively;
 * NULL else. */
const char *gen_engine_pypi(const struct plan_candidate *c);
/* ERR_INVAL naming 'generate native' when the plan's server runs natively,
 * for the writers of containers (`what`: docker, compose, k8s). */
int gen_check_container(const struct plan_candidate *c, const char *what, struct err *err);

/* The argument that stands for the API key: each writer puts there a
 * reference its runtime expands ("$RIGPLAN_API_KEY" in a shell,
 * ${RIGPLAN_API_KEY} in Compose, $(RIGPLAN_API_KEY) in Kubernetes). */
#define GEN_API_KEY_ARG "\x01RIGPLAN_API_KEY"
#define GEN_API_KEY_ENV "RIGPLAN_API_KEY"
int gen_is_api_key(const char *arg);
/* One argument as a shell word: quoted, or the API key's reference. */
void gen_shell_arg(struct sbuf *sb, const char *arg);
void gen_engine_release(struct gen_engine *e);

/*
 * A replica spanning nodes: the script (for /bin/sh -c) that node `rank`
 * runs, rank 0 the leader that serves.  `rank_ref` and `leader_ref` are
 * shell words expanded when it runs ("$LWS_WORKER_INDEX" and
 * "$LWS_LEADER_ADDRESS" in a LeaderWorkerSet, a docker script's own
 * arguments); `leader` says which role to write.  vLLM: its own
 * multi-node flags (--nnodes/--node-rank/--master-addr, workers
 * --headless) where the release's multinode is "native", else a Ray
 * cluster started by the image's examples/online_serving/multi-node-
 * serving.sh (vLLM's LeaderWorkerSet docs, 0.8.5 on); SGLang: its
 * --nnodes/--node-rank/--dist-init-addr.  ERR_INVAL for what rigplan does
 * not write (TensorRT-LLM's MPI launch; vLLM before 0.8.5).
 */
int gen_engine_node_script(struct sbuf *out, const struct gen_engine *e,
			   const struct plan_candidate *c, int leader, const char *rank_ref,
			   const char *leader_ref, struct err *err);

/* Nodes one replica spans (1 when it fits one). */
size_t gen_nodes_per_replica(const struct plan_candidate *c);

/* Replicas on one node (a replica spanning nodes counts as 1). */
size_t gen_replicas_per_node(const struct plan_candidate *c);

/* A name every target accepts (a DNS-1035 label, as Kubernetes Services
 * need, and a Docker container name): "rigplan-" + model + suffix in
 * lower case, anything but letters and digits as single dashes, at most
 * 62 bytes. */
void gen_name(char *out, size_t size, const struct plan_candidate *c, const char *suffix);

#endif
