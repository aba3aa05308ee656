import HubCore
import ByteCoding
import OutpostProtocol

/// The limits that keep one device from hurting the others (SPEC.md §10.1); set by
/// `outpost-server serve`'s flags. Exceeding one is answered with a protocol error
/// and changes nothing.
public struct SyncLimits: Sendable, Equatable {
    /// The largest request payload a transport accepts, checked from the length prefix
    /// (and HTTP's `content-length`) before the payload is read: `oversized`.
    public var maxRequestBytes: Int
    /// The most writes one sync request may carry: `oversized`.
    public var maxWritesPerRequest: Int
    /// How many sync requests a device may send back to back: `rateLimited` beyond.
    public var burst: Int
    /// How many requests per second a device regains after a burst.
    public var requestsPerSecond: Double

    /// Creates limits; the defaults suit field devices syncing every few minutes.
    public init(maxRequestBytes: Int = Framing.defaultMaxPayloadBytes, maxWritesPerRequest: Int = SyncRequest.maximumWrites, burst: Int = 30, requestsPerSecond: Double = 0.5) {
        self.maxRequestBytes = maxRequestBytes
        self.maxWritesPerRequest = maxWritesPerRequest
        self.burst = burst
        self.requestsPerSecond = requestsPerSecond
    }
}

extension SyncLimits {
    /// The limits the hub checks.
    var hub: HubLimits { HubLimits(maxWritesPerRequest: maxWritesPerRequest, burst: burst, requestsPerSecond: requestsPerSecond) }
}
