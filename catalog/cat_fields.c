/*
 * cat_fields.c - the field table of each catalog kind: column name, C type,
 * offset in the kind's struct and how a person reads it.  The tables must
 * list the columns in the order of data/schema.sql (a unit test checks).
 */
#include "catalog/cat.h"
#include "util/err.h"
#include "util/sbuf.h"
#include "util/xalloc.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

/* One field of struct S: name, type, offset, text size, display, flags. */
#define FLD(S, m, t, d, f) \
	{ #m, t, offsetof(struct S, m), sizeof(((struct S *)0)->m), d, f }
/* The four price columns, nested in struct cat_price. */
#define PRICE(S) \
	{ "price_usd", CAT_REAL, offsetof(struct S, price.price_usd), 0, CAT_D_USD, CAT_F_BRIEF }, \
	{ "price_kind", CAT_TEXT, offsetof(struct S, price.price_kind), CAT_WORD_MAX, CAT_D_PLAIN, 0 }, \
	{ "price_source", CAT_TEXT, offsetof(struct S, price.price_source), CAT_SOURCE_MAX, CAT_D_PLAIN, 0 }, \
	{ "price_as_of", CAT_TEXT, offsetof(struct S, price.price_as_of), CAT_WORD_MAX, CAT_D_PLAIN, 0 }

enum { B = CAT_F_BRIEF };

static const struct cat_field gpu_fields[] = {
	FLD(cat_gpu, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_gpu, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, vendor, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_gpu, architecture, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, segment, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, form_factor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, memory_bytes, CAT_INT, CAT_D_BYTES, B),
	FLD(cat_gpu, memory_type, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, memory_bandwidth_bytes_per_s, CAT_REAL, CAT_D_BPS, B),
	FLD(cat_gpu, fp16_dense_flops, CAT_REAL, CAT_D_FLOPS, 0),
	FLD(cat_gpu, bf16_dense_flops, CAT_REAL, CAT_D_FLOPS, B),
	FLD(cat_gpu, fp16_fp32acc_dense_flops, CAT_REAL, CAT_D_FLOPS, 0),
	FLD(cat_gpu, fp8_dense_flops, CAT_REAL, CAT_D_FLOPS, B),
	FLD(cat_gpu, int8_dense_ops, CAT_REAL, CAT_D_FLOPS, 0),
	FLD(cat_gpu, int4_dense_ops, CAT_REAL, CAT_D_FLOPS, 0),
	FLD(cat_gpu, fp4_dense_flops, CAT_REAL, CAT_D_FLOPS, 0),
	FLD(cat_gpu, fp32_flops, CAT_REAL, CAT_D_FLOPS, 0),
	FLD(cat_gpu, tdp_w, CAT_REAL, CAT_D_WATTS, B),
	FLD(cat_gpu, idle_w, CAT_REAL, CAT_D_WATTS, 0),
	FLD(cat_gpu, interconnect, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, interconnect_bytes_per_s, CAT_REAL, CAT_D_BPS, 0),
	FLD(cat_gpu, pcie_gen, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, pcie_lanes, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, p2p, CAT_BOOL, CAT_D_PLAIN, 0),
	FLD(cat_gpu, slot_width, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, cooling, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_gpu),
};

static const struct cat_field model_fields[] = {
	FLD(cat_model, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_model, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model, family, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_model, hf_repo, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model, architecture, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model, model_type, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model, layers, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_model, hidden, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_model, intermediate, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, heads, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, kv_heads, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_model, head_dim, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, vocab, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, tied_embeddings, CAT_BOOL, CAT_D_PLAIN, 0),
	FLD(cat_model, max_context, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_model, attention, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_model, sliding_window, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, sliding_layers, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, moe_experts, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, moe_top_k, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, moe_shared_experts, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, moe_intermediate, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, moe_dense_layers, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, kv_lora_rank, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, q_lora_rank, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, qk_rope_head_dim, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, qk_nope_head_dim, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, v_head_dim, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_model, params_total, CAT_REAL, CAT_D_COUNT, B),
	FLD(cat_model, params_active, CAT_REAL, CAT_D_COUNT, B),
	FLD(cat_model, native_dtype, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field ssd_fields[] = {
	FLD(cat_ssd, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_ssd, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_ssd, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_ssd, interface, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_ssd, pcie_gen, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_ssd, form_factor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_ssd, capacity_bytes, CAT_INT, CAT_D_BYTES, B),
	FLD(cat_ssd, seq_read_bytes_per_s, CAT_REAL, CAT_D_BPS, B),
	FLD(cat_ssd, seq_write_bytes_per_s, CAT_REAL, CAT_D_BPS, 0),
	FLD(cat_ssd, rand_read_iops, CAT_REAL, CAT_D_COUNT, B),
	FLD(cat_ssd, read_latency_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_ssd, active_w, CAT_REAL, CAT_D_WATTS, 0),
	FLD(cat_ssd, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_ssd, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_ssd),
};

static const struct cat_field psu_fields[] = {
	FLD(cat_psu, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_psu, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_psu, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_psu, form_factor, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_psu, rated_w, CAT_REAL, CAT_D_WATTS, B),
	FLD(cat_psu, efficiency_level, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_psu, hot_swap, CAT_BOOL, CAT_D_PLAIN, B),
	FLD(cat_psu, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_psu, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_psu),
};

static const struct cat_field chassis_fields[] = {
	FLD(cat_chassis, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_chassis, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_chassis, kind, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis, rack_units, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_chassis, gpu_slots, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_chassis, gpu_form_factor, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis, max_gpu_width, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_chassis, cpu_sockets, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_chassis, psu_bays, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_chassis, psu_redundancy, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_chassis, psu_w, CAT_REAL, CAT_D_WATTS, 0),
	FLD(cat_chassis, max_power_w, CAT_REAL, CAT_D_WATTS, B),
	FLD(cat_chassis, airflow_cfm, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_chassis, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_chassis, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_chassis),
};

static const struct cat_field cpu_fields[] = {
	FLD(cat_cpu, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, vendor, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu, segment, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, cores, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_cpu, threads, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, base_hz, CAT_REAL, CAT_D_HZ, 0),
	FLD(cat_cpu, boost_hz, CAT_REAL, CAT_D_HZ, 0),
	FLD(cat_cpu, pcie_gen, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_cpu, pcie_lanes, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_cpu, memory_type, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, memory_channels, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, max_sockets, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, tdp_w, CAT_REAL, CAT_D_WATTS, B),
	FLD(cat_cpu, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_cpu),
};

static const struct cat_field memory_fields[] = {
	FLD(cat_memory, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_memory, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_memory, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_memory, type, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_memory, capacity_bytes, CAT_INT, CAT_D_BYTES, B),
	FLD(cat_memory, speed_mts, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_memory, ecc, CAT_BOOL, CAT_D_PLAIN, 0),
	FLD(cat_memory, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_memory, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_memory),
};

static const struct cat_field engine_fields[] = {
	FLD(cat_engine, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine, family, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, version, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine, released, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine, port, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_engine, health_path, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, weight_formats, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, online_formats, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, kv_formats, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, default_kv_format, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, pp, CAT_BOOL, CAT_D_PLAIN, 0),
	FLD(cat_engine, multinode, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine, ep, CAT_BOOL, CAT_D_PLAIN, 0),
	FLD(cat_engine, gpu_memory_utilization, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_engine, max_num_seqs, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_engine, max_num_batched_tokens, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_engine, kv_block_tokens, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_engine, large_gpu_bytes, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_engine, large_gpu_except, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, large_max_num_seqs, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_engine, large_max_num_batched_tokens, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_engine, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field checkpoint_fields[] = {
	FLD(cat_checkpoint, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_checkpoint, model, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_checkpoint, format, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_checkpoint, repo, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_checkpoint, file, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_checkpoint, bytes, CAT_INT, CAT_D_BYTES, B),
	FLD(cat_checkpoint, ollama, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_checkpoint, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_checkpoint, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field engine_image_fields[] = {
	FLD(cat_engine_image, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_image, engine, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_image, image, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_image, platform, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_image, targets, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_image, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_image, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field engine_model_fields[] = {
	FLD(cat_engine_model, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_model, family, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_model, architecture, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_model, since, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_model, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_model, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field model_serving_fields[] = {
	FLD(cat_model_serving, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_model_serving, model, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model_serving, family, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model_serving, since, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_model_serving, flags, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model_serving, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_model_serving, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field gpu_target_fields[] = {
	FLD(cat_gpu_target, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_gpu_target, target, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_gpu_target, platform, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_gpu_target, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_gpu_target, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

#define KIND(k, t, p, S, f) { k, t, p, sizeof(struct S), f, ARRAY_SIZE(f) }
static const struct cat_field efficiency_fields[] = {
	FLD(cat_efficiency, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_efficiency, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, scope, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_efficiency, bw, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_efficiency, kernel_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_efficiency, layer_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_efficiency, step_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_efficiency, launch_layer_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_efficiency, gemm, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_efficiency, gemm_fp8, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, attn_prefill, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_efficiency, roofline_p, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, power_mem, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, power_comp, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, thermal_r_k_per_w, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, thermal_tau_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_efficiency, temp_slowdown_c, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, context_bytes, CAT_REAL, CAT_D_BYTES, 0),
	FLD(cat_efficiency, err_decode_lo, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, err_decode_hi, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, err_prefill_lo, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, err_prefill_hi, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_efficiency, dequant_ops, CAT_REAL, CAT_D_PLAIN, 0),
};

static const struct cat_field link_fields[] = {
	FLD(cat_link, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_link, name, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_link, efficiency, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_link, latency_s, CAT_REAL, CAT_D_SECONDS, B),
	FLD(cat_link, collective_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_link, bytes_per_s, CAT_REAL, CAT_D_BPS, B),
	FLD(cat_link, err, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_link, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_link, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_link, oneshot_s, CAT_REAL, CAT_D_SECONDS, 0),
	FLD(cat_link, oneshot_bytes_per_s, CAT_REAL, CAT_D_BPS, 0),
	FLD(cat_link, sync_s, CAT_REAL, CAT_D_SECONDS, 0),
};

static const struct cat_field platform_fields[] = {
	FLD(cat_platform, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_platform, name, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_platform, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_platform, socket, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_platform, memory_type, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_platform, max_dimms_per_channel, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_platform, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_platform, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field cpu_platform_fields[] = {
	FLD(cat_cpu_platform, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu_platform, platform, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu_platform, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu_platform, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field chassis_cpu_fields[] = {
	FLD(cat_chassis_cpu, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis_cpu, platform, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis_cpu, dimm_slots, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_chassis_cpu, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_chassis_cpu, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field chassis_layout_fields[] = {
	FLD(cat_chassis_layout, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis_layout, expansion_slots, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_chassis_layout, board_form_factors, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_chassis_layout, risers, CAT_BOOL, CAT_D_PLAIN, B),
	FLD(cat_chassis_layout, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_chassis_layout, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field motherboard_fields[] = {
	FLD(cat_motherboard, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_motherboard, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_motherboard, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_motherboard, platform, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_motherboard, form_factor, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_motherboard, sockets, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_motherboard, dimm_slots, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_motherboard, gpu_slots, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_motherboard, gpu_slot_positions, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_motherboard, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_motherboard, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_motherboard),
};

static const struct cat_field cooler_fields[] = {
	FLD(cat_cooler, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cooler, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cooler, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cooler, sockets, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cooler, max_tdp_w, CAT_REAL, CAT_D_WATTS, B),
	FLD(cat_cooler, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cooler, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_cooler),
};

static const struct cat_field engine_policy_fields[] = {
	FLD(cat_engine_policy, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_policy, admission, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_policy, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_policy, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field engine_kernel_fields[] = {
	FLD(cat_engine_kernel, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_kernel, family, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_kernel, architecture, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_kernel, dequant_ops, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_engine_kernel, gemm, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_engine_kernel, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_kernel, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field engine_host_fields[] = {
	FLD(cat_engine_host, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_host, prefill_launch_layer_s, CAT_REAL, CAT_D_SECONDS, B),
	FLD(cat_engine_host, request_s, CAT_REAL, CAT_D_SECONDS, B),
	FLD(cat_engine_host, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_host, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field engine_allreduce_fields[] = {
	FLD(cat_engine_allreduce, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_allreduce, max_bytes, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_engine_allreduce, oneshot_bytes_4, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_engine_allreduce, oneshot_bytes_8, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_engine_allreduce, world_sizes, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_allreduce, rocm_since, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_engine_allreduce, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_engine_allreduce, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field cpu_memory_fields[] = {
	FLD(cat_cpu_memory, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu_memory, memory_mts, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_cpu_memory, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu_memory, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field cpu_core_fields[] = {
	FLD(cat_cpu_core, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu_core, microarchitecture, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_cpu_core, int8_ops_per_cycle, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_cpu_core, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_cpu_core, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field vision_fields[] = {
	FLD(cat_vision, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_vision, depth, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_vision, hidden, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_vision, heads, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, mlp, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, out_hidden, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, merger, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, patch_size, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_vision, merge_size, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_vision, temporal_patch, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, min_pixels, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, max_pixels, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_vision, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_vision, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_vision, processor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_vision, image_size, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, max_tiles, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_vision, mlp_matrices, CAT_INT, CAT_D_PLAIN, 0),
};

static const struct cat_field system_fields[] = {
	FLD(cat_system, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_system, cpu, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_system, cpus, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_system, ram_bytes, CAT_INT, CAT_D_BYTES, B),
	FLD(cat_system, dimms, CAT_INT, CAT_D_PLAIN, 0),
	FLD(cat_system, ssd, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_system, ssds, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_system, nic_ports, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_system, nic_gbps, CAT_REAL, CAT_D_PLAIN, 0),
	FLD(cat_system, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_system, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
};

static const struct cat_field netpart_fields[] = {
	FLD(cat_netpart, id, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_netpart, name, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_netpart, vendor, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_netpart, kind, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_netpart, fabric, CAT_TEXT, CAT_D_PLAIN, B),
	FLD(cat_netpart, speed_gbps, CAT_REAL, CAT_D_PLAIN, B),
	FLD(cat_netpart, ports, CAT_INT, CAT_D_PLAIN, B),
	FLD(cat_netpart, power_w, CAT_REAL, CAT_D_WATTS, 0),
	FLD(cat_netpart, capacity_w, CAT_REAL, CAT_D_WATTS, 0),
	FLD(cat_netpart, source, CAT_TEXT, CAT_D_PLAIN, 0),
	FLD(cat_netpart, as_of, CAT_TEXT, CAT_D_PLAIN, 0),
	PRICE(cat_netpart),
};

static const struct cat_kind_info kinds[CAT_KIND_COUNT] = {
	KIND(CAT_GPU, "gpu", "gpus", cat_gpu, gpu_fields),
	KIND(CAT_MODEL, "model", "models", cat_model, model_fields),
	KIND(CAT_SSD, "ssd", "ssds", cat_ssd, ssd_fields),
	KIND(CAT_PSU, "psu", "psus", cat_psu, psu_fields),
	KIND(CAT_CHASSIS, "chassis", "chassis", cat_chassis, chassis_fields),
	KIND(CAT_CPU, "cpu", "cpus", cat_cpu, cpu_fields),
	KIND(CAT_MEMORY, "memory", "memory", cat_memory, memory_fields),
	KIND(CAT_ENGINE, "engine", "engines", cat_engine, engine_fields),
	KIND(CAT_EFFICIENCY, "efficiency", "efficiencies", cat_efficiency, efficiency_fields),
	KIND(CAT_LINK, "link", "links", cat_link, link_fields),
	KIND(CAT_CHECKPOINT, "checkpoint", "checkpoints", cat_checkpoint, checkpoint_fields),
	KIND(CAT_PLATFORM, "platform", "platforms", cat_platform, platform_fields),
	KIND(CAT_MOTHERBOARD, "motherboard", "motherboards", cat_motherboard, motherboard_fields),
	KIND(CAT_COOLER, "cpu_cooler", "coolers", cat_cooler, cooler_fields),
	KIND(CAT_NETPART, "netpart", "netparts", cat_netpart, netpart_fields),
};

/* Tables read only through their own queries (cat.h), not kinds a
 * person lists: what an engine runs on and loads. */
const struct cat_kind_info cat_engine_image_info =
	KIND(CAT_KIND_COUNT, "engine_image", "engine images", cat_engine_image, engine_image_fields);
const struct cat_kind_info cat_engine_model_info =
	KIND(CAT_KIND_COUNT, "engine_model", "engine models", cat_engine_model, engine_model_fields);
const struct cat_kind_info cat_model_serving_info =
	KIND(CAT_KIND_COUNT, "model_serving", "model serving", cat_model_serving, model_serving_fields);
const struct cat_kind_info cat_cpu_platform_info =
	KIND(CAT_KIND_COUNT, "cpu_platform", "cpu platforms", cat_cpu_platform, cpu_platform_fields);
const struct cat_kind_info cat_chassis_cpu_info =
	KIND(CAT_KIND_COUNT, "chassis_cpu", "chassis boards", cat_chassis_cpu, chassis_cpu_fields);
const struct cat_kind_info cat_chassis_layout_info =
	KIND(CAT_KIND_COUNT, "chassis_layout", "chassis layouts", cat_chassis_layout,
	     chassis_layout_fields);
const struct cat_kind_info cat_engine_policy_info =
	KIND(CAT_KIND_COUNT, "engine_policy", "engine policies", cat_engine_policy,
	     engine_policy_fields);
const struct cat_kind_info cat_engine_host_info =
	KIND(CAT_KIND_COUNT, "engine_host", "engine host costs", cat_engine_host,
	     engine_host_fields);
const struct cat_kind_info cat_engine_allreduce_info =
	KIND(CAT_KIND_COUNT, "engine_allreduce", "engine all-reduce kernels", cat_engine_allreduce,
	     engine_allreduce_fields);
const struct cat_kind_info cat_engine_kernel_info =
	KIND(CAT_KIND_COUNT, "engine_kernel", "engine kernels", cat_engine_kernel,
	     engine_kernel_fields);
const struct cat_kind_info cat_cpu_memory_info =
	KIND(CAT_KIND_COUNT, "cpu_memory", "cpu memory speeds", cat_cpu_memory, cpu_memory_fields);
const struct cat_kind_info cat_cpu_core_info =
	KIND(CAT_KIND_COUNT, "cpu_core", "cpu cores", cat_cpu_core, cpu_core_fields);
const struct cat_kind_info cat_vision_info =
	KIND(CAT_KIND_COUNT, "vision", "vision towers", cat_vision, vision_fields);
const struct cat_kind_info cat_system_info =
	KIND(CAT_KIND_COUNT, "system", "systems", cat_system, system_fields);
const struct cat_kind_info cat_gpu_target_info =
	KIND(CAT_KIND_COUNT, "gpu_target", "gpu targets", cat_gpu_target, gpu_target_fields);

const struct cat_kind_info *cat_kind_info(enum cat_kind kind)
{
	if ((size_t)kind >= CAT_KIND_COUNT)
		return NULL;
	return &kinds[kind];
}

int cat_kind_parse(enum cat_kind *out, const char *word, struct err *err)
{
	size_t i;

	for (i = 0; i < CAT_KIND_COUNT; i++) {
		if (strcasecmp(word, kinds[i].table) == 0 ||
		    strcasecmp(word, kinds[i].plural) == 0) {
			*out = kinds[i].kind;
			return 0;
		}
	}
	{
		struct sbuf names;
		int r;

		sbuf_init(&names);
		cat_kind_list(&names);
		r = err_set(err, ERR_INVAL, "unknown catalog kind '%.64s': expected %s", word,
			    names.buf);
		sbuf_release(&names);
		return r;
	}
}

void cat_kind_list(struct sbuf *sb)
{
	size_t i;

	for (i = 0; i < CAT_KIND_COUNT; i++)
		sbuf_addf(sb, "%s%s", i == 0 ? "" : i + 1 < CAT_KIND_COUNT ? ", " : " or ",
			  kinds[i].plural);
}
