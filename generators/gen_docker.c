/*
 * gen_docker.c - `docker run` lines and a Compose file for a plan: one
 * container per replica, each with its own GPUs (device indices in
 * order on its node) and port (the engine's, plus the replica's index
 * on the node), the weights cache in a named volume, filled by the weights
 * step before any server starts (a `docker run --rm` line per node; in
 * Compose a service the servers wait for), shared memory for NCCL
 * (--ipc=host; TGI documents --shm-size 1g instead), and a health check
 * with a program the image has.  Every value goes through gen_writer's
 * escaping.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "generators/gen_deploy.h"
#include "generators/gen_engine.h"
#include "generators/gen_writer.h"
#include "util/err.h"

static void devices(char *out, size_t size, size_t first, size_t n)
{
	size_t i, len = 0;

	out[0] = '\0';
	for (i = 0; i < n && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%zu", i ? "," : "", first + i);
}

/*
 * An AMD GPU's render node: the GPUs take /dev/dri/renderD128 on in
 * their order ("a number for each card in the system starting from 128",
 * ROCm's "Deploy ROCm Docker containers"), on a host with no other GPU.
 */
#define AMD_RENDER_NODE_FIRST 128

/*
 * The GPUs a container gets: NVIDIA's through its container toolkit
 * (--gpus), AMD's as ROCm's device files, /dev/kfd and the GPUs' render
 * nodes (all of /dev/dri for the whole node), with seccomp unconfined as
 * ROCm's docs run them.  A container sees only the render nodes it is
 * given, so no visibility variable is set: vLLM's and Ray's handling of
 * ROCR_VISIBLE_DEVICES and HIP_VISIBLE_DEVICES differ (vLLM PR 33308).
 * `first`, `n`: the replica's GPUs; n 0 for all of the node's.
 */
static void docker_gpus(struct sbuf *sb, const struct plan_candidate *c, size_t first, size_t n)
{
	char dev[128], buf[160];
	size_t i;

	if (gen_gpu_none(c))
		return;
	if (gen_gpu_amd(c)) {
		sbuf_addstr(sb, " --device /dev/kfd");
		if (!n)
			sbuf_addstr(sb, " --device /dev/dri");
		for (i = 0; i < n; i++)
			sbuf_addf(sb, " --device /dev/dri/renderD%zu", AMD_RENDER_NODE_FIRST + first + i);
		sbuf_addstr(sb, " --security-opt seccomp=unconfined");
		return;
	}
	if (!n) {
		sbuf_addstr(sb, " --gpus all");
		return;
	}
	devices(dev, sizeof(dev), first, n);
	snprintf(buf, sizeof(buf), "\"device=%s\"", dev);
	sbuf_addstr(sb, " --gpus ");
	gen_shell_word(sb, buf);
}

static int check_layout(const struct plan_candidate *c, const char *what, struct err *err)
{
	if (gen_nodes_per_replica(c) > 1)
		return err_set(err, ERR_INVAL, "generate %s: a replica spans %zu nodes, and Compose "
			       "runs on one host; 'generate docker' writes a script for every node, "
			       "'generate k8s' a LeaderWorkerSet", what, gen_nodes_per_replica(c));
	return 0;
}

static void header(struct sbuf *sb, const struct plan_candidate *c, const char *what)
{
	char line[512];
	size_t i;

	/* a comment line: its text cannot break out (newlines become spaces) */
	snprintf(line, sizeof(line), "# rigplan generate %s: %s on %zu x %s (%s), %s %s, tp %zu, "
		 "%zu replica%s on %zu node%s", what, c->model, c->gpu_count, c->gpu, c->precision,
		 c->engine, c->engine_version, c->tp, c->replicas, c->replicas == 1 ? "" : "s",
		 c->nodes, c->nodes == 1 ? "" : "s");
	for (i = 0; line[i]; i++)
		if (line[i] == '\n' || line[i] == '\r')
			line[i] = ' ';
	sbuf_addstr(sb, line);
	sbuf_addch(sb, '\n');
	if (gen_gpu_amd(c))
		sbuf_addstr(sb, "# AMD GPUs by render node: /dev/dri/renderD128 is the first GPU, on a "
			    "host with no other GPU\n");
	if (gen_gpu_none(c))
		sbuf_addstr(sb, "# no GPU: the CPU runs the model, in llama.cpp's CPU image, which "
			    "picks its kernels for the CPU at start\n");
}

/* The host port a container port is published on: itself, or for a port
 * below 1024 (TGI's image listens on 80) 8000 more, so that the host
 * needs no privileged port and keeps its own web server's. */
static size_t host_port(size_t port)
{
	return port < 1024 ? port + 8000 : port;
}

static const char *volume_of(const struct gen_engine *e)
{
	return !strcmp(e->cache_dir, "/models") ? "rigplan-models" :
	       !strcmp(e->cache_dir, "/root/.ollama") ? "rigplan-ollama" : "rigplan-hf-cache";
}

/* The weights volume at the engine's cache path, then each environment
 * setting, as `docker run` flags. */
static void volume_env(struct sbuf *sb, const struct gen_engine *e, const struct gen_argv *env)
{
	char buf[256];
	size_t i;

	snprintf(buf, sizeof(buf), "%s:%s", volume_of(e), e->cache_dir);
	sbuf_addstr(sb, " -v ");
	gen_shell_word(sb, buf);
	for (i = 0; i < env->n; i++) {
		sbuf_addstr(sb, " -e ");
		gen_shell_word(sb, env->v[i]);
	}
}

/* The key clients must send, from the environment: the script stops
 * before starting anything without it. */
static void api_key_check(struct sbuf *sb)
{
	sbuf_addstr(sb, ": \"${" GEN_API_KEY_ENV ":?set " GEN_API_KEY_ENV " to the key clients must "
		    "send (Authorization: Bearer ...)}\"\n");
}

/* The weights step, once a node, into the volume its servers share:
 * `docker run --rm` returns when the weights are there. */
static void docker_fetch(struct sbuf *sb, const struct plan_candidate *c,
			 const struct gen_engine *e)
{
	const struct gen_fetch *f = &e->fetch;
	char name[64];
	size_t i;

	if (!f->image[0])
		return;
	gen_name(name, sizeof(name), c, "-weights");
	sbuf_addstr(sb, "docker run --rm --name ");
	gen_shell_word(sb, name);
	volume_env(sb, e, &f->env);
	sbuf_addstr(sb, " --entrypoint ");
	gen_shell_word(sb, f->entrypoint);
	sbuf_addch(sb, ' ');
	gen_shell_word(sb, f->image);
	for (i = 0; i < f->args.n; i++) {
		sbuf_addch(sb, ' ');
		gen_shell_word(sb, f->args.v[i]);
	}
	sbuf_addch(sb, '\n');
}

/* One node's server of a replica spanning nodes: every GPU of the node,
 * the host's network (the ranks reach each other and the leader serves
 * on the host's port), the node's role from the script's arguments. */
static void docker_node(struct sbuf *sb, const struct plan_candidate *c,
			const struct gen_engine *e, const char *script, const char *role)
{
	char name[64];

	gen_name(name, sizeof(name), c, role);
	sbuf_addstr(sb, "  docker run -d --name ");
	gen_shell_word(sb, name);
	docker_gpus(sb, c, 0, 0);
	sbuf_addstr(sb, " --network host --ipc=host");
	/* InfiniBand between the nodes: the HCAs, and the locked memory
	 * RDMA registers (IPC_LOCK, as vLLM's pod spec adds; the devices
	 * alone rather than the --privileged its docs suggest) */
	if (!strcmp(c->node.fabric, "infiniband"))
		sbuf_addstr(sb, " --device=/dev/infiniband --cap-add=IPC_LOCK --ulimit memlock=-1");
	volume_env(sb, e, &e->env);
	/* the script's own arguments, checked above: one word each */
	sbuf_addstr(sb, " -e \"RIGPLAN_NODE_RANK=$rank\" -e \"RIGPLAN_LEADER=$leader\"");
	sbuf_addstr(sb, " --restart unless-stopped --entrypoint /bin/sh ");
	gen_shell_word(sb, e->image);
	sbuf_addstr(sb, " -c ");
	gen_shell_word(sb, script);
	sbuf_addch(sb, '\n');
}

/* A replica spanning nodes: one script for every node, run with the
 * node's rank in its replica and the replica's leader address. */
static int docker_multinode(struct sbuf *sb, const struct plan_candidate *c,
			    const struct gen_opts *o, struct err *err)
{
	struct gen_engine e;
	struct sbuf lead, work;
	size_t nodes = gen_nodes_per_replica(c);
	int r;

	if ((r = gen_engine_build(&e, c, c->port, o && o->api_key, err)) < 0)
		return r;
	sbuf_init(&lead);
	sbuf_init(&work);
	if ((r = gen_engine_node_script(&lead, &e, c, 1, "\"$RIGPLAN_NODE_RANK\"",
					"\"$RIGPLAN_LEADER\"", err)) < 0 ||
	    (r = gen_engine_node_script(&work, &e, c, 0, "\"$RIGPLAN_NODE_RANK\"",
					"\"$RIGPLAN_LEADER\"", err)) < 0)
		goto out;
	sbuf_addstr(sb, "#!/bin/sh\n");
	header(sb, c, "docker");
	sbuf_addf(sb, "# Each replica spans %zu nodes. On every node of a replica run\n"
		  "#   sh THIS-SCRIPT NODE-RANK LEADER-ADDRESS\n"
		  "# with NODE-RANK 0 on its leader (which serves on port %zu) and 1 to %zu on\n"
		  "# the others, LEADER-ADDRESS the leader's address on the nodes' network.\n",
		  nodes, c->port, nodes - 1);
	sbuf_addstr(sb, "set -e\n");
	if (o && o->api_key)
		api_key_check(sb);
	sbuf_addstr(sb, "rank=${1:?usage: sh THIS-SCRIPT NODE-RANK LEADER-ADDRESS}\n"
		    "leader=${2:?usage: sh THIS-SCRIPT NODE-RANK LEADER-ADDRESS}\n");
	sbuf_addf(sb, "case $rank in\n''|*[!0-9]*) echo \"node rank '$rank': expected 0 to %zu\" >&2; "
		  "exit 2 ;;\nesac\n", nodes - 1);
	sbuf_addf(sb, "if [ \"$rank\" -gt %zu ]; then echo \"node rank $rank: expected 0 to %zu\" >&2; "
		  "exit 2; fi\n", nodes - 1, nodes - 1);
	sbuf_addstr(sb, "case $leader in\n''|*[!A-Za-z0-9.:-]*) echo \"leader address '$leader': "
		    "expected a host name or IP address\" >&2; exit 2 ;;\nesac\n");
	docker_fetch(sb, c, &e);
	sbuf_addstr(sb, "if [ \"$rank\" = 0 ]; then\n");
	docker_node(sb, c, &e, lead.buf, "-leader");
	sbuf_addstr(sb, "else\n");
	docker_node(sb, c, &e, work.buf, "-worker");
	sbuf_addstr(sb, "fi\n");
out:
	sbuf_release(&lead);
	sbuf_release(&work);
	gen_engine_release(&e);
	return r;
}

int gen_docker(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
	       struct err *err)
{
	size_t node, k, per = gen_replicas_per_node(c), r = 0;
	int tgi = !strcmp(c->engine, "tgi"), rc;

	if ((rc = gen_check_container(c, "docker", err)) < 0)
		return rc;
	if (gen_nodes_per_replica(c) > 1)
		return docker_multinode(sb, c, o, err);
	sbuf_addstr(sb, "#!/bin/sh\n");
	header(sb, c, "docker");
	sbuf_addstr(sb, "set -e\n");
	if (o && o->api_key)
		api_key_check(sb);
	for (node = 0; node < c->nodes && r < c->replicas; node++) {
		sbuf_addf(sb, "\n# node %zu of %zu\n", node + 1, c->nodes);
		for (k = 0; k < per && r < c->replicas; k++, r++) {
			struct gen_engine e;
			char name[64], suffix[32], buf[256];
			size_t i;

			if ((rc = gen_engine_build(&e, c, c->port + k, o && o->api_key, err)) < 0)
				return rc;
			if (k == 0)
				docker_fetch(sb, c, &e);
			snprintf(suffix, sizeof(suffix), "-%zu", r + 1);
			gen_name(name, sizeof(name), c, suffix);
			sbuf_addstr(sb, "docker run -d --name ");
			gen_shell_word(sb, name);
			docker_gpus(sb, c, k * c->gpus_per_replica, c->gpus_per_replica);
			sbuf_addstr(sb, tgi ? " --shm-size 1g" : " --ipc=host");
			snprintf(buf, sizeof(buf), "%zu:%zu", host_port(e.port), e.port);
			sbuf_addstr(sb, " -p ");
			gen_shell_word(sb, buf);
			volume_env(sb, &e, &e.env);
			sbuf_addstr(sb, " --restart unless-stopped ");
			gen_shell_word(sb, e.image);
			for (i = 0; i < e.args.n; i++) {
				sbuf_addch(sb, ' ');
				gen_shell_arg(sb, e.args.v[i]);
			}
			sbuf_addch(sb, '\n');
			gen_engine_release(&e);
		}
	}
	return 0;
}

/* Seconds a replica may take to load before health checks count. */
size_t gen_start_period_s(const struct plan_candidate *c)
{
	double s = 2 * c->node.load_cold_s + 120;

	return isfinite(s) && s < 86400 ? (size_t)ceil(s / 10) * 10 : 600;
}

static void yaml_list(struct sbuf *sb, const struct gen_argv *a)
{
	size_t i;

	sbuf_addch(sb, '[');
	for (i = 0; i < a->n; i++) {
		if (i)
			sbuf_addstr(sb, ", ");
		if (gen_is_api_key(a->v[i]))  /* Compose reads it from the host, or stops */
			sbuf_addstr(sb, "\"${" GEN_API_KEY_ENV ":?set " GEN_API_KEY_ENV "}\"");
		else
			gen_yaml_noexpand(sb, a->v[i]);
	}
	sbuf_addch(sb, ']');
}

/* The weights step as a service the servers wait for (depends_on
 * service_completed_successfully); *name is "" when there is none. */
static int compose_fetch(struct sbuf *sb, const struct plan_candidate *c, char *name,
			 size_t size, struct err *err)
{
	struct gen_engine e;
	struct gen_argv entry = { { NULL }, 0 };
	char buf[256];
	int r;

	name[0] = '\0';
	if ((r = gen_engine_build(&e, c, c->port, 0, err)) < 0)
		return r;
	if (e.fetch.image[0]) {
		gen_name(name, size, c, "-weights");
		entry.v[0] = e.fetch.entrypoint;
		entry.n = 1;
		sbuf_addstr(sb, "  ");
		gen_yaml_noexpand(sb, name);
		sbuf_addstr(sb, ":\n    image: ");
		gen_yaml_noexpand(sb, e.fetch.image);
		sbuf_addstr(sb, "\n    entrypoint: ");
		yaml_list(sb, &entry);
		sbuf_addstr(sb, "\n    command: ");
		yaml_list(sb, &e.fetch.args);
		snprintf(buf, sizeof(buf), "%s:%s", volume_of(&e), e.cache_dir);
		sbuf_addstr(sb, "\n    volumes: [");
		gen_yaml_noexpand(sb, buf);
		sbuf_addstr(sb, "]\n");
		if (e.fetch.env.n) {
			sbuf_addstr(sb, "    environment: ");
			yaml_list(sb, &e.fetch.env);
			sbuf_addch(sb, '\n');
		}
		sbuf_addstr(sb, "    restart: \"no\"\n");
	}
	gen_engine_release(&e);
	return 0;
}

int gen_compose(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
		struct err *err)
{
	size_t k, per = gen_replicas_per_node(c), n = per < c->replicas ? per : c->replicas;
	const char *vol = NULL;
	char buf[256], fetch[64];
	int r;

	if (gen_check_container(c, "compose", err) < 0 || check_layout(c, "compose", err) < 0)
		return -1;
	header(sb, c, "compose");
	if (c->nodes > 1)
		sbuf_addf(sb, "# one node's services: run this file on each of the %zu nodes\n", c->nodes);
	sbuf_addstr(sb, "services:\n");
	if ((r = compose_fetch(sb, c, fetch, sizeof(fetch), err)) < 0)
		return r;
	for (k = 0; k < n; k++) {
		struct gen_engine e;
		char name[64], suffix[32];
		size_t i;

		if ((r = gen_engine_build(&e, c, c->port + k, o && o->api_key, err)) < 0)
			return r;
		vol = volume_of(&e);
		snprintf(suffix, sizeof(suffix), "-%zu", k + 1);
		gen_name(name, sizeof(name), c, suffix);
		sbuf_addstr(sb, "  ");
		gen_yaml_noexpand(sb, name);
		sbuf_addstr(sb, ":\n    image: ");
		gen_yaml_noexpand(sb, e.image);
		if (e.args.n) {
			sbuf_addstr(sb, "\n    command: ");
			yaml_list(sb, &e.args);
		}
		if (!strcmp(c->engine, "tgi"))
			sbuf_addstr(sb, "\n    shm_size: \"1gb\"");
		else
			sbuf_addstr(sb, "\n    ipc: host");
		snprintf(buf, sizeof(buf), "%zu:%zu", host_port(e.port), e.port);
		sbuf_addstr(sb, "\n    ports: [");
		gen_yaml_noexpand(sb, buf);
		snprintf(buf, sizeof(buf), "%s:%s", vol, e.cache_dir);
		sbuf_addstr(sb, "]\n    volumes: [");
		gen_yaml_noexpand(sb, buf);
		sbuf_addstr(sb, "]\n");
		if (e.env.n) {
			sbuf_addstr(sb, "    environment: ");
			yaml_list(sb, &e.env);
			sbuf_addch(sb, '\n');
		}
		if (gen_gpu_amd(c)) {
			/* ROCm's device files: the replica's GPUs' render nodes */
			sbuf_addstr(sb, "    devices: [\"/dev/kfd\"");
			for (i = 0; i < c->gpus_per_replica; i++)
				sbuf_addf(sb, ", \"/dev/dri/renderD%zu\"", AMD_RENDER_NODE_FIRST +
					  k * c->gpus_per_replica + i);
			sbuf_addstr(sb, "]\n    security_opt: [\"seccomp:unconfined\"]\n");
		} else if (!gen_gpu_none(c)) {
			sbuf_addstr(sb, "    deploy:\n      resources:\n        reservations:\n"
				    "          devices:\n            - driver: nvidia\n"
				    "              device_ids: [");
			for (i = 0; i < c->gpus_per_replica; i++) {
				snprintf(buf, sizeof(buf), "%zu", k * c->gpus_per_replica + i);
				if (i)
					sbuf_addstr(sb, ", ");
				gen_yaml_noexpand(sb, buf);
			}
			sbuf_addstr(sb, "]\n              capabilities: [\"gpu\"]\n");
		}
		sbuf_addstr(sb, "    healthcheck:\n      test: [\"CMD\"");
		for (i = 0; i < e.health.n; i++) {
			sbuf_addstr(sb, ", ");
			gen_yaml_noexpand(sb, e.health.v[i]);
		}
		sbuf_addf(sb, "]\n      interval: 30s\n      timeout: 5s\n      retries: 3\n"
			  "      start_period: %zus\n    restart: unless-stopped\n",
			  gen_start_period_s(c));
		if (fetch[0]) {
			sbuf_addstr(sb, "    depends_on:\n      ");
			gen_yaml_noexpand(sb, fetch);
			sbuf_addstr(sb, ":\n        condition: service_completed_successfully\n");
		}
		gen_engine_release(&e);
	}
	sbuf_addstr(sb, "volumes:\n  ");
	gen_yaml_noexpand(sb, vol ? vol : "rigplan-hf-cache");
	sbuf_addstr(sb, ": {}\n");
	return 0;
}
