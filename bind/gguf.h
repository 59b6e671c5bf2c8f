/*
 * gguf.h - a model from a GGUF file's header: its architecture and every
 * hyperparameter from the metadata, and from the tensor table the types
 * and sizes of every tensor, so the file's format and weight bytes are
 * exact.  Only the header is read (at most BIND_GGUF_HEADER_MAX bytes);
 * nothing in it is trusted: every count and length is checked against
 * what is left before it is used.
 */
#ifndef RIGPLAN_BIND_GGUF_H
#define RIGPLAN_BIND_GGUF_H

#include <stddef.h>
#include <stdint.h>

#include "catalog/cat_rows.h"

struct err;

/* Largest header read: metadata (a tokenizer's vocabulary and merges are
 * a few MB) and the tensor table. */
#define BIND_GGUF_HEADER_MAX (64u << 20)

struct bind_gguf {
	/* the model; native_dtype is the file's format (gguf-q4_k_m), and
	 * params_total is scaled so that format's widths give the file's
	 * tensor bytes (models/mem.h mem_layer_scale_for) */
	struct cat_model model;
	double tensor_bytes;        /* every tensor as stored */
	double elements;            /* every tensor's element count */
	uint64_t tensors;
	char file_type[CAT_WORD_MAX];   /* llama.cpp's name: Q4_K_M */
};

/*
 * Parse a header held in buf (the file's first `len` bytes; `whole` when
 * that is the whole file).  ERR_PARSE naming what is wrong: bad magic or
 * version, a length or count past the end, an unknown value or tensor
 * type, an architecture or file type rigplan does not model.
 */
int bind_gguf_parse(struct bind_gguf *out, const unsigned char *buf, size_t len, int whole,
		    const char *origin, struct err *err);

/* The same from a file (ERR_IO when unreadable). */
int bind_gguf_read(struct bind_gguf *out, const char *path, struct err *err);

#endif
