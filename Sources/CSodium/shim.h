#ifndef OUTPOST_CSODIUM_SHIM_H
#define OUTPOST_CSODIUM_SHIM_H
#include <sodium.h>
#endif
