#ifndef OUTPOST_CZSTD_SHIM_H
#define OUTPOST_CZSTD_SHIM_H
/* Debian's libzstd-dev: the streaming API and the dictionary trainer. */
#include <zstd.h>
#include <zdict.h>
#endif
