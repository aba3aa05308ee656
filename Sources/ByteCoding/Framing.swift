/// Length-prefixed frames: an unsigned LEB128 varint giving the payload's length,
/// then the payload. The same bytes travel over native TCP and inside HTTP bodies.
///
/// ```swift
/// Framing.frame([0x01, 0x02])  // [0x02, 0x01, 0x02]
/// ```
public enum Framing {
    /// The most bytes a length prefix may take.
    public static let maxPrefixBytes = LEB128.maxBytes

    /// The largest payload a request (and a decompressed message) may carry unless a
    /// deployment configures another limit: 4 MiB.
    public static let defaultMaxPayloadBytes = 4 << 20

    /// Returns `payload` preceded by its length as a varint.
    public static func frame(_ payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(framedSize(payload.count))
        appendPrefix(payload.count, to: &bytes)
        bytes.append(contentsOf: payload)
        return bytes
    }

    /// The number of bytes of the length prefix for a payload of `length` bytes.
    public static func prefixSize(_ length: Int) -> Int { LEB128.size(of: UInt64(max(0, length))) }

    /// The framed size of a payload of `length` bytes: prefix plus payload.
    public static func framedSize(_ length: Int) -> Int { prefixSize(length) + length }

    /// Appends `length` as an unsigned LEB128 varint.
    public static func appendPrefix(_ length: Int, to bytes: inout [UInt8]) {
        LEB128.append(UInt64(max(0, length)), to: &bytes)
    }

    /// Reads the length prefix at the start of `bytes`, before any of the payload is
    /// needed: the payload's length and the prefix's size, or `nil` when more bytes
    /// are needed to know it.
    ///
    /// - Throws: ``FrameError/oversized(announced:limit:)`` when the announced length
    ///   is over `maxPayloadBytes`, ``FrameError/malformedLength`` when the prefix is
    ///   not a varint of at most ``maxPrefixBytes`` bytes.
    public static func readPrefix<Bytes: Collection<UInt8>>(
        of bytes: Bytes, maxPayloadBytes: Int
    ) throws(FrameError) -> (length: Int, prefixSize: Int)? {
        var index = bytes.startIndex
        let length: UInt64
        do { length = try LEB128.read(bytes, at: &index) } catch {
            switch error {
            case .truncated: return nil
            case .overflow: throw .malformedLength
            }
        }
        guard length <= UInt64(max(0, maxPayloadBytes)) else {
            throw .oversized(announced: length, limit: maxPayloadBytes)
        }
        return (Int(length), bytes.distance(from: bytes.startIndex, to: index))
    }
}
