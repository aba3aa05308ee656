import Glibc
import SyncChannel

/// A way to compress the frames of one response as one stream: LZMA2 as shipped
/// (`SyncChannel`'s stream, preset 9 extreme) or a zstd candidate.
struct FrameCodec {
    let name: String
    private let kind: Kind

    private enum Kind {
        case lzma2(LZMAPreset)
        case zstd(ZstdSettings, ZstdStreamEncoder)
    }

    /// LZMA2 at `preset` (the same decoder reads every preset).
    static func lzma2(_ preset: LZMAPreset) -> FrameCodec { FrameCodec(name: "LZMA2 preset \(preset)", kind: .lzma2(preset)) }

    /// zstd at `level`, primed with `dictionary` if given, `dictionaryName` saying which.
    static func zstd(level: Int32, dictionary: [UInt8]? = nil, dictionaryName: String = "") throws -> FrameCodec {
        let settings = ZstdSettings(level: level, dictionary: dictionary)
        let name = "zstd \(level)" + (dictionary == nil ? "" : " + \(dictionaryName)")
        return FrameCodec(name: name, kind: .zstd(settings, try ZstdStreamEncoder(settings)))
    }

    /// The frames of one response compressed, in order; frames under the sealed layer's
    /// threshold (96 bytes) are sent as they are, whatever the codec, as today.
    func compress(_ response: [[UInt8]]) throws -> [[UInt8]?] {
        switch kind {
        case .lzma2(let preset):
            let encoder = LZMAStreamEncoder(preset: preset)
            return try response.map { $0.count >= Self.threshold ? try encoder.compress($0) : nil }
        case .zstd(_, let encoder):
            try encoder.startResponse()
            return try response.map { $0.count >= Self.threshold ? try encoder.compress($0) : nil }
        }
    }

    /// Decodes what ``compress(_:)`` made, checking each frame against its plaintext.
    func decompress(_ compressed: [[UInt8]?], expecting response: [[UInt8]]) throws {
        switch kind {
        case .lzma2:
            let decoder = LZMAStreamDecoder()
            for (chunk, plain) in zip(compressed, response) {
                guard let chunk else { continue }
                guard try decoder.decompress(chunk, limit: WireFormat.maximumPlaintext) == plain else { throw LoadError("\(name) did not round-trip") }
            }
        case .zstd(let settings, _):
            let decoder = try ZstdStreamDecoder(settings)
            for (chunk, plain) in zip(compressed, response) {
                guard let chunk else { continue }
                guard try decoder.decompress(chunk, expected: plain.count) == plain else { throw LoadError("\(name) did not round-trip") }
            }
        }
    }

    static let threshold = 96
}

/// The CPU time this thread has used, in seconds.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
