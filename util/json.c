/*
 * json.c - see json.h.
 */
#include <math.h>

#include "util/json.h"

json_t *json_num(double v)
{
	return isfinite(v) ? json_real(v) : json_null();
}
