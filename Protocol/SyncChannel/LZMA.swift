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
    /// The dictionary need not exceed the message (nor go below liblzma's 4 KiB), which
    /// keeps a small request from setting up a 4 MiB encoder.
    public static func compress(_ bytes: [UInt8]) -> [UInt8]? {
        withFilters(dictionary: UInt32(min(Int(dictionarySize), max(4096, bytes.count)))) { filters -> [UInt8]? in
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
            let (status, output) = inflate(&stream, input: bytes, action: LZMA_FINISH, limit: limit)
            guard status == LZMA_STREAM_END, stream.avail_in == 0, output.count <= limit else { return nil }
            return output
        }
        guard let result else {
            throw ProtocolError(.malformed, "a compressed frame is corrupt or expands beyond \(limit) bytes")
        }
        return result
    }

    /// Calls `body` with the filter chain: LZMA2 alone, `preset` (9 extreme unless an
    /// encoder asks for another), the 4 MiB dictionary (an encoder may pass a smaller
    /// `dictionary`: the 4 MiB decoder reads its output unchanged, whatever the preset).
    static func withFilters<T>(dictionary: UInt32 = dictionarySize, preset: LZMAPreset = .best,
                               _ body: (UnsafePointer<lzma_filter>) -> T) -> T {
        var options = lzma_options_lzma()
        precondition(lzma_lzma_preset(&options, preset.value) == 0, "liblzma lacks preset \(preset)")
        options.dict_size = dictionary
        if let niceLength = preset.niceLength { options.nice_len = niceLength }
        return withUnsafeMutablePointer(to: &options) { pointer in
            let filters = [
                lzma_filter(id: outpost_lzma_filter_lzma2, options: UnsafeMutableRawPointer(pointer)),
                lzma_filter(id: outpost_lzma_vli_unknown, options: nil),
            ]
            return filters.withUnsafeBufferPointer { body($0.baseAddress!) }
        }
    }
}

/// An LZMA2 encoder preset: a level 0…9, optionally extreme. It changes only how hard
/// the encoder searches; every preset's output reads with the same raw LZMA2 decoder.
public struct LZMAPreset: Sendable, Equatable, CustomStringConvertible {
    /// The level, 0…9.
    public let level: UInt32
    /// Whether the slower "extreme" search is on.
    public let extreme: Bool
    /// A match this long ends the encoder's search for a longer one (nil: the level's
    /// own, e.g. 16 at level 4, 64 at 6 to 9; liblzma takes 2…273).
    public let niceLength: UInt32?

    /// A preset of `level` (clamped to 0…9), with the level's own `niceLength` unless
    /// one is given (clamped to 2…273).
    public init(level: UInt32, extreme: Bool, niceLength: UInt32? = nil) {
        self.level = min(level, 9)
        self.extreme = extreme
        self.niceLength = niceLength.map { min(max($0, 2), 273) }
    }

    /// Preset 9 extreme: the fewest bytes, the most CPU.
    public static let best = LZMAPreset(level: 9, extreme: true)

    var value: UInt32 { extreme ? level | outpost_lzma_preset_extreme : level }

    public var description: String { "\(level)" + (extreme ? "e" : "") + (niceLength.map { " nice \($0)" } ?? "") }
}
