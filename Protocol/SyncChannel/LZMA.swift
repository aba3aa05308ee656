import CLZMA
import OutpostProtocol

/// Raw LZMA2 compression (no container headers: the frame says whether it is
/// compressed, and the sealed frame authenticates it), one message at a time: used
/// for sync requests large enough to gain. The frames of one response share a
/// stream instead (``LZMAStreamEncoder``).
public enum LZMA {
    /// The dictionary size: large enough for any frame, small enough for a handheld.
    static let dictionarySize: UInt32 = 4 << 20

    /// `bytes` compressed, or `nil` if compression would not make them smaller.
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        withFilters { filters -> [UInt8]? in
            var output = [UInt8](repeating: 0, count: bytes.count + bytes.count / 16 + 64)
            var written = 0
            let status = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    lzma_raw_buffer_encode(filters, nil, input.baseAddress, input.count, out.baseAddress, &written, out.count)
                }
            }
            guard status == LZMA_OK, written < bytes.count else { return nil }
            return Array(output[..<written])
        }
    }

    /// Decompresses `bytes`, refusing output larger than `limit` bytes.
    public static func decompress(_ bytes: [UInt8], limit: Int) throws(ProtocolError) -> [UInt8] {
        let result: [UInt8]? = withFilters { filters in
            var stream = lzma_stream()
            guard lzma_raw_decoder(&stream, filters) == LZMA_OK else { return nil }
            defer { lzma_end(&stream) }
            var output = [UInt8](repeating: 0, count: limit + 1)
            let status = bytes.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out -> lzma_ret in
                    stream.next_in = input.baseAddress
                    stream.avail_in = input.count
                    stream.next_out = out.baseAddress
                    stream.avail_out = out.count
                    return lzma_code(&stream, LZMA_FINISH)
                }
            }
            let produced = output.count - stream.avail_out
            guard status == LZMA_STREAM_END, stream.avail_in == 0, produced <= limit else { return nil }
            return Array(output[..<produced])
        }
        guard let result else {
            throw ProtocolError(.malformed, "a compressed frame is corrupt or expands beyond \(limit) bytes")
        }
        return result
    }

    /// Calls `body` with the filter chain: LZMA2 alone, preset 9 extreme, the 4 MiB dictionary.
    static func withFilters<T>(_ body: (UnsafePointer<lzma_filter>) -> T) -> T {
        var options = lzma_options_lzma()
        precondition(lzma_lzma_preset(&options, outpost_lzma_preset_best) == 0, "liblzma lacks preset 9 extreme")
        options.dict_size = dictionarySize
        return withUnsafeMutablePointer(to: &options) { pointer in
            let filters = [
                lzma_filter(id: outpost_lzma_filter_lzma2, options: UnsafeMutableRawPointer(pointer)),
                lzma_filter(id: outpost_lzma_vli_unknown, options: nil),
            ]
            return filters.withUnsafeBufferPointer { body($0.baseAddress!) }
        }
    }
}
