#include "keyring.h"

#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KEY_SPEC_USER_KEYRING (-4)
#define KEYCTL_SETPERM 5
#define KEYCTL_UNLINK 9
#define KEYCTL_SEARCH 10
#define KEYCTL_READ 11
#define KEYCTL_SET_TIMEOUT 15
#define KEYCTL_INVALIDATE 21
/* Possessor and owning user: view, read, write, search, link, setattr; nobody else. */
#define OWNER_ONLY 0x3f3f0000

static long result(long value) { return value < 0 ? -errno : value; }

int32_t outpost_keyring_add(const char *description, const void *payload, size_t length, unsigned timeout_seconds) {
    long serial = syscall(SYS_add_key, "user", description, payload, length, KEY_SPEC_USER_KEYRING);
    if (serial < 0) return (int32_t)-errno;
    if (syscall(SYS_keyctl, KEYCTL_SET_TIMEOUT, serial, timeout_seconds) < 0
        || syscall(SYS_keyctl, KEYCTL_SETPERM, serial, OWNER_ONLY) < 0) {
        int error = errno;
        syscall(SYS_keyctl, KEYCTL_INVALIDATE, serial);
        return (int32_t)-error;
    }
    return (int32_t)serial;
}

int32_t outpost_keyring_search(const char *description) {
    return (int32_t)result(syscall(SYS_keyctl, KEYCTL_SEARCH, KEY_SPEC_USER_KEYRING, "user", description, 0));
}

long outpost_keyring_read(int32_t serial, void *buffer, size_t length) {
    return result(syscall(SYS_keyctl, KEYCTL_READ, serial, buffer, length));
}

int outpost_keyring_invalidate(int32_t serial) {
    if (syscall(SYS_keyctl, KEYCTL_INVALIDATE, serial) == 0) return 0;
    return (int)result(syscall(SYS_keyctl, KEYCTL_UNLINK, serial, KEY_SPEC_USER_KEYRING));
}
