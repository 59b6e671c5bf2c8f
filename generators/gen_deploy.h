/*
 * gen_deploy.h - the files that deploy and buy a planned candidate:
 * `docker run` lines, a Compose file, Kubernetes manifests and the bill
 * of materials.  Each appends text to an sbuf; nothing reads the clock,
 * the environment or a file, so the same plan always gives the same
 * bytes.  ERR_INVAL when the layout cannot be expressed in the target
 * (a replica spanning nodes in docker or Compose).
 */
#ifndef RIGPLAN_GENERATORS_GEN_DEPLOY_H
#define RIGPLAN_GENERATORS_GEN_DEPLOY_H

#include "planner/plan.h"
#include "util/sbuf.h"

struct err;

/* How the files are written, beyond the plan (NULL: the defaults). */
struct gen_opts {
	/* the servers require a key, taken when the files are used from
	 * RIGPLAN_API_KEY (docker, Compose) or the Secret rigplan-api-key
	 * (Kubernetes), never written into them */
	int api_key;
	/* Kubernetes: the extended resource the cluster's RDMA device plugin
	 * offers (rdma/ib, rdma/rdma_shared_device_a), requested by the pods
	 * of a replica whose nodes are joined by InfiniBand; NULL: none */
	const char *rdma_resource;
};

int gen_docker(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
	       struct err *err);
int gen_compose(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
		struct err *err);
int gen_k8s(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
	    struct err *err);

/* A plan served natively on Apple silicon Macs: the script each Mac runs
 * (generators/gen_native.c); ERR_INVAL for a plan of containers. */
int gen_native(struct sbuf *sb, const struct plan_candidate *c, const struct gen_opts *o,
	       struct err *err);

enum gen_bom_format { GEN_BOM_CSV, GEN_BOM_MD, GEN_BOM_JSON };
int gen_bom(struct sbuf *sb, const struct plan_candidate *c, enum gen_bom_format f,
	    struct err *err);

/* Seconds a replica may take to start (twice the cold load plus two
 * minutes), for health checks and startup probes. */
size_t gen_start_period_s(const struct plan_candidate *c);

#endif
