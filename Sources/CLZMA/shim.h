#ifndef OUTPOST_CLZMA_SHIM_H
#define OUTPOST_CLZMA_SHIM_H
#include <lzma.h>

/* liblzma's macros with casts do not import into Swift; these constants do. */
static const uint32_t outpost_lzma_preset_best = 9 | LZMA_PRESET_EXTREME;
static const uint32_t outpost_lzma_preset_extreme = LZMA_PRESET_EXTREME;
static const lzma_vli outpost_lzma_filter_lzma2 = LZMA_FILTER_LZMA2;
static const lzma_vli outpost_lzma_vli_unknown = LZMA_VLI_UNKNOWN;
#endif
