#ifndef OUTPOST_KEYRING_H
#define OUTPOST_KEYRING_H

#include <stddef.h>
#include <stdint.h>

/// The Linux kernel key retention service (keyrings(7)) through its two system calls,
/// which libc exposes only as the variadic syscall(2) Swift cannot call. Each function
/// works on "user" keys in the calling user's keyring and returns a negative errno on
/// failure.

/// Adds (or replaces) the key `description` holding `payload`, readable by its owner
/// alone, that the kernel destroys `timeout_seconds` after this call. Returns its serial.
int32_t outpost_keyring_add(const char *description, const void *payload, size_t length, unsigned timeout_seconds);

/// The serial of the live key `description`, or a negative errno (-ENOKEY when there is
/// none, -EKEYEXPIRED when it has expired).
int32_t outpost_keyring_search(const char *description);

/// Copies up to `length` bytes of the key's payload to `buffer`; returns the payload's
/// full length, or a negative errno.
long outpost_keyring_read(int32_t serial, void *buffer, size_t length);

/// Destroys the key at once. Returns 0, or a negative errno.
int outpost_keyring_invalidate(int32_t serial);

#endif
