import ByteCoding

/// Cuts a byte stream into frame payloads, however the bytes arrive.
///
/// Feed bytes as they are read from the socket, then pop complete payloads until
/// ``next()`` returns `nil`:
///
/// ```swift
/// var reader = FrameReader(maxPayloadBytes: 1 << 20)
/// reader.feed(received)
/// while let payload = try reader.next() { handle(payload) }
/// ```
public struct FrameReader: Sendable {
    /// The largest payload accepted; a longer announced length is ``FrameError/oversized(announced:limit:)``.
    public let maxPayloadBytes: Int
    private var buffer: [UInt8] = []
    private var start = 0

    /// Creates a reader that refuses payloads longer than `maxPayloadBytes`.
    public init(maxPayloadBytes: Int) {
        self.maxPayloadBytes = maxPayloadBytes
    }

    /// Bytes fed but not yet returned as part of a payload.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Appends received bytes.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// Returns the next complete payload, or `nil` when more bytes are needed.
    ///
    /// - Throws: ``FrameError`` when the prefix is malformed or announces too much;
    ///   the reader is then unusable.
    public mutating func next() throws(FrameError) -> [UInt8]? {
        guard let (length, prefixSize) = try Framing.readPrefix(of: buffer[start...], maxPayloadBytes: maxPayloadBytes) else { return nil }
        let payloadStart = start + prefixSize
        guard buffer.count - payloadStart >= length else { return nil }
        let payload = Array(buffer[payloadStart..<payloadStart + length])
        start = payloadStart + length
        return payload
    }
}
