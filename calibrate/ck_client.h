/*
 * ck_client.h - rigplan's side of rigplan-ck (calibrate/ck_main.cu has
 * the protocol): start it on a device, hand it one case at a time, read
 * each result within a deadline, and kill it if the GPU stops answering.
 */
#ifndef RIGPLAN_CALIBRATE_CK_CLIENT_H
#define RIGPLAN_CALIBRATE_CK_CLIENT_H

#include <sys/types.h>

#include "calibrate/ck.h"

struct err;

/* Longest a single case may take before the helper is killed
 * ($RIGPLAN_CK_TIMEOUT may shorten it). */
#define CK_CASE_TIMEOUT_S 300.0

struct ck_client {
	pid_t pid;
	int to, from;           /* pipes to its stdin and from its stdout */
	char buf[4096];
	size_t len;
};

/* The helper's path: $RIGPLAN_CK, else the installed one; NULL when this
 * rigplan was built without CUDA. */
const char *ck_client_program(void);

int ck_client_start(struct ck_client *c, struct ck_device *dev, int index,
		    struct err *err);

/* 0 ran, 1 skipped (why in note), <0 failed (the helper has exited). */
int ck_client_run(struct ck_client *c, struct ck_result *r, const struct ck_case *k,
		  char *note, size_t note_len, struct err *err);

/* Close its stdin and reap it (killing it if it does not exit). */
void ck_client_stop(struct ck_client *c);

const char *ck_dtype_name(enum ck_dtype d);
const char *ck_kind_name(enum ck_kind k);

#endif
