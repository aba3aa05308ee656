/// What the listener accepts from a device before it starts answering.
public struct FrameLimits: Sendable {
    /// The largest request payload; a longer announced length is refused before the payload is read.
    public var maxRequestBytes: Int
    /// How long a connection may take to deliver its whole request before it is closed
    /// (from the moment it is accepted, however slowly its bytes trickle in).
    public var requestTimeout: Duration

    /// Creates limits: 4 MiB and 30 seconds by default.
    public init(maxRequestBytes: Int = 4 << 20, requestTimeout: Duration = .seconds(30)) {
        self.maxRequestBytes = maxRequestBytes
        self.requestTimeout = requestTimeout
    }
}
