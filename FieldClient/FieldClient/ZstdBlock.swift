import CZstd

/// One block of bytes compressed whole with zstd (a single frame that records its size),
/// as the replica keeps a group of record states (``StateGroup``).
enum ZstdBlock {
    /// The compression level. On the World replica's groups of 512 states (92 MB of
    /// plaintext), sealed: 22.6 MB at level 3 (0.29 s of CPU), 21.3 at 5 (0.55 s),
    /// 20.6 at 6 (0.75 s).
    static let level: Int32 = 6
    /// The match finder's tables (2^15 and 2^16 entries, 384 KiB), sized for a block of
    /// about a hundred kilobytes (at level 3, tables a quarter the size sealed the World's
    /// groups within 0.2% of these).
    static let hashLog: Int32 = 15, chainLog: Int32 = 16

    /// `bytes` compressed.
    static func compress(_ bytes: [UInt8]) throws(ReplicaError) -> [UInt8] {
        guard let context = ZSTD_createCCtx() else { throw ReplicaError(.corrupt, "cannot compress record states: out of memory") }
        defer { ZSTD_freeCCtx(context) }
        for (parameter, value) in [(ZSTD_c_compressionLevel, level), (ZSTD_c_hashLog, hashLog), (ZSTD_c_chainLog, chainLog)] {
            let result = ZSTD_CCtx_setParameter(context, parameter, value)
            guard ZSTD_isError(result) == 0 else { throw failure(result) }
        }
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let written = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { ZSTD_compress2(context, out.baseAddress, out.count, $0.baseAddress, $0.count) }
        }
        guard ZSTD_isError(written) == 0 else { throw failure(written) }
        output.removeSubrange(written...)
        return output
    }

    private static func failure(_ code: Int) -> ReplicaError {
        ReplicaError(.corrupt, "cannot compress record states: \(String(cString: ZSTD_getErrorName(code)))")
    }

    /// What ``compress(_:)`` made, decompressed.
    /// - Throws: `.corrupt` when `bytes` are not one zstd frame of at most `limit` bytes.
    static func decompress(_ bytes: [UInt8], limit: Int) throws(ReplicaError) -> [UInt8] {
        let size = bytes.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
        guard size != ZSTD_CONTENTSIZE_ERROR, size != ZSTD_CONTENTSIZE_UNKNOWN, size <= UInt64(limit) else {
            throw ReplicaError(.corrupt, "a group of record states does not decompress: its size is missing or over \(limit) bytes")
        }
        var output = [UInt8](repeating: 0, count: Int(size))
        let written = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { ZSTD_decompress(out.baseAddress, out.count, $0.baseAddress, $0.count) }
        }
        guard ZSTD_isError(written) == 0, written == Int(size) else {
            throw ReplicaError(.corrupt, "a group of record states does not decompress")
        }
        return output
    }
}
