/*
 * testcat.h - the built system catalog for tests that read it: opened
 * read-only with no user overlay, so a developer's own rows never change
 * a result.  Bails out of TAP when it cannot be opened.
 */
#ifndef RIGPLAN_TESTCAT_H
#define RIGPLAN_TESTCAT_H

struct cat;
struct deploy;
struct deploy_request;

struct cat *test_catalog(void);

/* deploy_build, with a failing check naming the model, GPU and error;
 * 0 or -1. */
int test_deploy(struct deploy *d, struct cat *cat, const struct deploy_request *q);

#endif
