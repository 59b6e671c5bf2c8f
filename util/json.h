/*
 * json.h - small helpers over jansson shared by every JSON writer.
 */
#ifndef RIGPLAN_UTIL_JSON_H
#define RIGPLAN_UTIL_JSON_H

#include <jansson.h>

/* A JSON number, or null for NaN and infinities (unknown, none); the
 * caller owns the reference. */
json_t *json_num(double v);

#endif
