/// What one device may ask of the hub per request and over time.
public struct HubLimits: Sendable, Equatable {
    /// The most writes one sync request may carry.
    public var maxWritesPerRequest: Int
    /// How many sync requests a device may send back to back.
    public var burst: Int
    /// How many requests per second a device regains after a burst.
    public var requestsPerSecond: Double

    /// Creates limits.
    public init(maxWritesPerRequest: Int, burst: Int, requestsPerSecond: Double) {
        self.maxWritesPerRequest = maxWritesPerRequest
        self.burst = burst
        self.requestsPerSecond = requestsPerSecond
    }
}
