import Synchronization

/// One ``TokenBucket`` per device number, shared by both transports. Only
/// authenticated requests are charged, so nobody can spend another device's tokens.
public final class DeviceRateLimiter: Sendable {
    private let burst: Int
    private let requestsPerSecond: Double
    private let buckets = Mutex<[UInt32: TokenBucket]>([:])

    /// A limiter admitting `burst` requests back to back, then `requestsPerSecond`.
    public init(burst: Int, requestsPerSecond: Double) {
        self.burst = burst
        self.requestsPerSecond = requestsPerSecond
    }

    /// Admits one request of `device` at `now`: `nil`, or how long it must wait.
    public func admit(device: UInt32, at now: ContinuousClock.Instant = .now) -> Duration? {
        buckets.withLock { buckets in
            var bucket = buckets[device] ?? TokenBucket(capacity: burst, refillPerSecond: requestsPerSecond, now: now)
            defer { buckets[device] = bucket }
            return bucket.take(at: now)
        }
    }
}
