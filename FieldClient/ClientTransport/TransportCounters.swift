/// Bytes that crossed the socket during one exchange, every framing and HTTP byte included.
public struct TransportCounters: Sendable, Equatable {
    /// Bytes written to the socket (device to hub).
    public var bytesUp: Int
    /// Bytes read from the socket (hub to device).
    public var bytesDown: Int

    /// Creates counters, zero by default.
    public init(bytesUp: Int = 0, bytesDown: Int = 0) {
        self.bytesUp = bytesUp
        self.bytesDown = bytesDown
    }
}
