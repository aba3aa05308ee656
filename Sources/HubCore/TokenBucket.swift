/// A token bucket: up to `capacity` requests back to back, then `refillPerSecond`.
///
/// ```swift
/// var bucket = TokenBucket(capacity: 2, refillPerSecond: 1, now: start)
/// bucket.take(at: start)                       // nil: admitted
/// bucket.take(at: start)                       // nil
/// bucket.take(at: start)                       // .seconds(1): wait that long
/// ```
public struct TokenBucket: Sendable {
    let capacity: Double
    let refillPerSecond: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    /// A full bucket at `now`.
    public init(capacity: Int, refillPerSecond: Double, now: ContinuousClock.Instant) {
        self.capacity = Double(max(capacity, 1))
        self.refillPerSecond = refillPerSecond
        tokens = self.capacity
        updated = now
    }

    /// Takes one token at `now`: `nil` when there was one, else how long until one
    /// is back (nothing is taken then).
    public mutating func take(at now: ContinuousClock.Instant) -> Duration? {
        if now > updated {
            let elapsed = now - updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(capacity, tokens + seconds * refillPerSecond)
            updated = now
        }
        guard tokens < 1 else {
            tokens -= 1
            return nil
        }
        guard refillPerSecond > 0 else { return .seconds(Int64.max / 2) }
        return .milliseconds(Int64(((1 - tokens) / refillPerSecond * 1000).rounded(.up)))
    }
}
