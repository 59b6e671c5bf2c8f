/*
 * plan_file.h - a plan as JSON and back: what `rigplan plan --json`
 * prints is what `rigplan generate --plan FILE` reads.  One field table
 * drives both directions, so a field written is a field read.  Reading
 * checks every value's type and range and names the bad one
 * ("plan.json: candidates[0].tp: expected an integer from 1 to 4096");
 * strings longer than rigplan keeps are refused, never cut.
 */
#ifndef RIGPLAN_PLANNER_PLAN_FILE_H
#define RIGPLAN_PLANNER_PLAN_FILE_H

#include <stddef.h>

#include <jansson.h>

#include "planner/plan.h"

struct err;

/* One candidate (caller owns the reference). */
json_t *plan_json_candidate(const struct plan_candidate *c);

/* The whole answer: the request, candidates best first, rejections. */
json_t *plan_json_result(const struct plan_request *q, const struct plan_result *r);

/* Candidate `index` of a plan document held in `buf` (`name` labels
 * messages).  ERR_PARSE for malformed JSON or a bad field, ERR_INVAL for
 * an index beyond the candidates. */
int plan_json_read(struct plan_candidate *out, const char *buf, size_t len,
		   const char *name, size_t index, struct err *err);

/* The request of a plan document, and how many candidates it has. */
int plan_json_read_request(struct plan_json_request *out, size_t *ncandidates,
			   const char *buf, size_t len, const char *name, struct err *err);

#endif
