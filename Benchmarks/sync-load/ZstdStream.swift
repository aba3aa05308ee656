import CZstd

/// A zstd candidate for the response stream, shaped like the LZMA2 stream it is measured
/// against (SPEC.md §2.4): one stream per response, each frame its next chunk ended by a
/// flush, a 4 MiB window (LZMA2's dictionary), no checksum (the AEAD tag authenticates),
/// optionally primed with a trained dictionary.
struct ZstdSettings {
    let level: Int32
    let compressionDictionary: OpaquePointer?
    let decompressionDictionary: OpaquePointer?

    /// Settings at `level`, primed with `dictionary` (a trained zstd dictionary) if given.
    /// The digested dictionaries live as long as the process (the study makes a handful).
    init(level: Int32, dictionary: [UInt8]?) {
        self.level = level
        if let dictionary {
            compressionDictionary = dictionary.withUnsafeBytes { ZSTD_createCDict($0.baseAddress, $0.count, level) }
            decompressionDictionary = dictionary.withUnsafeBytes { ZSTD_createDDict($0.baseAddress, $0.count) }
        } else {
            compressionDictionary = nil
            decompressionDictionary = nil
        }
    }

    static let windowLog: Int32 = 22
}

/// Compresses the frames of responses, one zstd stream per response, in one context that
/// is reset (not recreated) between responses, as a server would keep one per thread.
final class ZstdStreamEncoder {
    private let context: OpaquePointer
    private let settings: ZstdSettings

    init(_ settings: ZstdSettings) throws {
        guard let context = ZSTD_createCCtx() else { throw LoadError("zstd: no compression context") }
        self.context = context
        self.settings = settings
    }

    deinit { ZSTD_freeCCtx(context) }

    /// Starts the stream of a new response.
    func startResponse() throws {
        ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters)
        try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, settings.level))
        try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_windowLog, ZstdSettings.windowLog))
        try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 0))
        try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 0))
        try Self.check(ZSTD_CCtx_setParameter(context, ZSTD_c_dictIDFlag, 0))
        if let dictionary = settings.compressionDictionary { try Self.check(ZSTD_CCtx_refCDict(context, dictionary)) }
    }

    /// `chunk` compressed as the stream's next chunk, flushed so it decodes on arrival.
    func compress(_ chunk: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: ZSTD_compressBound(chunk.count) + 64)
        var produced = 0
        try chunk.withUnsafeBytes { input in
            var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
            try output.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                var remaining = 1
                while remaining != 0 {
                    remaining = ZSTD_compressStream2(context, &outBuffer, &inBuffer, ZSTD_e_flush)
                    try Self.check(remaining)
                }
                produced = outBuffer.pos
            }
        }
        return Array(output[..<produced])
    }

    static func check(_ code: Int) throws {
        if ZSTD_isError(code) != 0 { throw LoadError("zstd: " + String(cString: ZSTD_getErrorName(code))) }
    }
}

/// Decodes the chunks a ``ZstdStreamEncoder`` made, in order.
final class ZstdStreamDecoder {
    private let context: OpaquePointer

    init(_ settings: ZstdSettings) throws {
        guard let context = ZSTD_createDCtx() else { throw LoadError("zstd: no decompression context") }
        self.context = context
        try ZstdStreamEncoder.check(ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, ZstdSettings.windowLog))
        if let dictionary = settings.decompressionDictionary { try ZstdStreamEncoder.check(ZSTD_DCtx_refDDict(context, dictionary)) }
    }

    deinit { ZSTD_freeDCtx(context) }

    /// The plaintext of the stream's next chunk, whose size the caller knows (`expected`).
    func decompress(_ chunk: [UInt8], expected: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: expected)
        var produced = 0
        try chunk.withUnsafeBytes { input in
            var inBuffer = ZSTD_inBuffer(src: input.baseAddress, size: input.count, pos: 0)
            try output.withUnsafeMutableBytes { out in
                var outBuffer = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                repeat {
                    try ZstdStreamEncoder.check(ZSTD_decompressStream(context, &outBuffer, &inBuffer))
                } while inBuffer.pos < inBuffer.size && outBuffer.pos < outBuffer.size
                produced = outBuffer.pos
            }
        }
        guard produced == expected else { throw LoadError("zstd: a chunk decoded to \(produced) bytes, not \(expected)") }
        return output
    }
}

/// A zstd dictionary trained (`ZDICT_trainFromBuffer`) on samples of Outpost's frames.
enum ZstdDictionary {
    /// A dictionary of at most `capacity` bytes trained on `samples`.
    static func train(on samples: [[UInt8]], capacity: Int) throws -> [UInt8] {
        let joined = samples.flatMap { $0 }
        let sizes = samples.map(\.count)
        var dictionary = [UInt8](repeating: 0, count: capacity)
        let size = dictionary.withUnsafeMutableBytes { out in
            joined.withUnsafeBytes { input in
                ZDICT_trainFromBuffer(out.baseAddress, out.count, input.baseAddress, sizes, UInt32(sizes.count))
            }
        }
        if ZDICT_isError(size) != 0 { throw LoadError("zstd dictionary training failed: " + String(cString: ZDICT_getErrorName(size))) }
        return Array(dictionary[..<size])
    }
}
