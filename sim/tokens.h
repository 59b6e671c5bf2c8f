/*
 * tokens.h - the bound on a request's token counts, shared by the
 * workload's length distributions and the trace reader.
 */
#ifndef RIGPLAN_SIM_TOKENS_H
#define RIGPLAN_SIM_TOKENS_H

/* Largest token count accepted anywhere: a 16M-token request is absurd. */
#define LENGTH_MAX 16777216.0

#endif
