/*
 * units.h - unit conversions, each written once.  Quantities are in SI
 * base units everywhere; these turn them into what people read.
 */
#ifndef RIGPLAN_UTIL_UNITS_H
#define RIGPLAN_UTIL_UNITS_H

/* bytes in a kibibyte, mebibyte, gibibyte (IEC 80000-13) */
#define UNIT_KIB 1024.0
#define UNIT_MIB 1048576.0
#define UNIT_GIB 1073741824.0

/* 1 W = 3.412142 BTU/h (NIST SP 811, appendix B.8) */
#define UNIT_W_TO_BTU_PER_H 3.412142

#endif
