import CZstd

/// One block of bytes compressed whole with zstd (a single frame that records its size),
/// as the replica keeps a group of record states (``StateGroup``).
enum ZstdBlock {
    /// The compression level: zstd's default, fast both ways on blocks of a few kilobytes.
    static let level: Int32 = 3

    /// `bytes` compressed.
    static func compress(_ bytes: [UInt8]) throws(ReplicaError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(bytes.count))
        let written = output.withUnsafeMutableBytes { out in
            bytes.withUnsafeBytes { ZSTD_compress(out.baseAddress, out.count, $0.baseAddress, $0.count, level) }
        }
        guard ZSTD_isError(written) == 0 else {
            throw ReplicaError(.corrupt, "cannot compress record states: \(String(cString: ZSTD_getErrorName(written)))")
        }
        output.removeSubrange(written...)
        return output
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
