#!/usr/bin/env python3
"""How small a replica's sealed states would be if records were sealed in groups.

Reads the plaintext merge states of a hub database (`replica_record.state`, e.g. after
`outpost-server demo --scale large`), and for groups of 1, 16, 64 and 256 records of one
kind, ordered by parent, prints the bytes of the groups compressed with zstd (level 3,
through libzstd) plus the 40-byte nonce and tag each sealed value carries.

    scripts/replica-grouping-estimate.py hq.sqlite
"""
import ctypes
import sqlite3
import sys

NONCE_AND_TAG = 40

zstd = ctypes.CDLL("libzstd.so.1")
zstd.ZSTD_compressBound.restype = ctypes.c_size_t
zstd.ZSTD_compress.restype = ctypes.c_size_t
zstd.ZSTD_compress.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_int]


def compressed_size(data: bytes, level: int = 3) -> int:
    capacity = zstd.ZSTD_compressBound(len(data))
    out = ctypes.create_string_buffer(capacity)
    return zstd.ZSTD_compress(out, capacity, data, len(data), level)


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: replica-grouping-estimate.py HUB.sqlite")
    rows = sqlite3.connect(sys.argv[1]).execute(
        "SELECT kind, coalesce(parent, id), id, state FROM replica_record ORDER BY 1, 2, 3").fetchall()
    count = len(rows)
    plain = sum(len(row[3]) for row in rows)
    print(f"{count} records, plaintext states {plain / 1e6:.1f} MB ({plain / count:.0f} B each)")
    for size in (1, 16, 64, 256):
        total, groups, start = 0, 0, 0
        while start < count:
            end = start
            while end < count and end - start < size and rows[end][0] == rows[start][0]:
                end += 1
            blob = b"".join(len(row[3]).to_bytes(2, "little") + row[3] for row in rows[start:end])
            total += compressed_size(blob) + NONCE_AND_TAG
            groups += 1
            start = end
        print(f"groups of {size}: {groups} sealed values, {total / 1e6:.1f} MB ({total / count:.0f} B a record)")


if __name__ == "__main__":
    main()
