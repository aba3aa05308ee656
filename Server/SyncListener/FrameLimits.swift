import ByteCoding

/// What the listener accepts from a device before it starts answering.
public struct FrameLimits: Sendable {
    /// The largest request payload; a longer announced length is refused before the payload is read.
    public var maxRequestBytes: Int
    /// How long a connection may take to deliver its whole request before it is closed
    /// (from the moment it is accepted, however slowly its bytes trickle in).
    public var requestTimeout: Duration

    /// Creates limits: ``Framing/defaultMaxPayloadBytes`` and one minute by default
    /// (`serve` passes its `--request-timeout`, 30 seconds unless told otherwise).
    public init(maxRequestBytes: Int = Framing.defaultMaxPayloadBytes, requestTimeout: Duration = .seconds(60)) {
        self.maxRequestBytes = maxRequestBytes
        self.requestTimeout = requestTimeout
    }
}
