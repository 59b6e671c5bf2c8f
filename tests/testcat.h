/*
 * testcat.h - the built system catalog for tests that read it: opened
 * read-only with no user overlay, so a developer's own rows never change
 * a result.  Bails out of TAP when it cannot be opened.
 */
#ifndef RIGPLAN_TESTCAT_H
#define RIGPLAN_TESTCAT_H

struct cat;

struct cat *test_catalog(void);

#endif
