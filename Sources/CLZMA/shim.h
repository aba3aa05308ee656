#ifndef OUTPOST_CLZMA_SHIM_H
#define OUTPOST_CLZMA_SHIM_H
#include <lzma.h>
#endif
