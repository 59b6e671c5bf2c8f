/*
 * hfconfig.h - a model from its own Hugging Face files: config.json (a
 * vision-language model's text_config for its language model) and, where
 * present beside it, model.safetensors.index.json for the exact weight
 * bytes.  What `--model PATH` and `rigplan catalog import-model` read.
 */
#ifndef RIGPLAN_BIND_HFCONFIG_H
#define RIGPLAN_BIND_HFCONFIG_H

#include <stddef.h>

#include "catalog/cat_rows.h"

struct err;

/* Largest config.json or index read (the largest published index files
 * are a few MB). */
#define BIND_CONFIG_MAX (16u << 20)

/*
 * A model row from config.json text: every dimension read from the file,
 * parameters counted from the shapes (models/llm.c), or `index_bytes` / 2
 * for a 16-bit checkpoint when that is > 0 (model.safetensors.index.json's
 * total_size).  `origin` becomes the row's source.  An architecture
 * rigplan does not understand is ERR_PARSE naming its model_type; a
 * missing or out-of-range field is ERR_PARSE naming the field.
 */
int bind_model_from_config(struct cat_model *out, const char *json, size_t len,
			   double index_bytes, const char *origin, struct err *err);

/* The same from a path: a config.json file, or a directory holding one
 * (and maybe model.safetensors.index.json).  ERR_IO when unreadable. */
int bind_model_from_path(struct cat_model *out, const char *path, struct err *err);

/* Either of the above, and a vision-language model's tower where rigplan
 * reads its processor (Gemma 3, Llama 4): tower->id is the model's, or ""
 * when there is none.  `tower` may be NULL. */
int bind_vlm_from_config(struct cat_model *out, struct cat_vision *tower, const char *json,
			 size_t len, double index_bytes, const char *origin, struct err *err);
int bind_vlm_from_path(struct cat_model *out, struct cat_vision *tower, const char *path,
		       struct err *err);

/* A catalog id from a model's name: lowercase letters, digits and '.',
 * any other run of characters one '-', at most 63 characters, no '-' or
 * '.' at the end ("" when nothing is left). */
void bind_model_id(char *out, size_t size, const char *name);

/* Whether --model `name` is a path rather than a catalog name: it has a
 * '/' or ends in .json, and a file or directory of that name exists. */
int bind_is_model_path(const char *name);

#endif
