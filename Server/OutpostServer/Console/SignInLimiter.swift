import HubCore
import Synchronization

/// Limits failed sign-ins: each user name may try `burst` times, then one try per
/// `secondsPerTry`; all names together `globalBurst` times, then `globalPerSecond`.
/// A successful sign-in gives the name its tries back. Argon2id costs 64 MiB a try, so
/// the global bucket also bounds what a password spray costs the server.
public final class SignInLimiter: Sendable {
    private let burst: Int
    private let secondsPerTry: Double
    private let global = Mutex<TokenBucket?>(nil)
    private let globalBurst: Int
    private let globalPerSecond: Double
    private let byName = Mutex<[String: TokenBucket]>([:])
    private let clock: @Sendable () -> ContinuousClock.Instant

    /// - Parameters:
    ///   - burst: tries per user name before the limit.
    ///   - secondsPerTry: seconds until a limited name may try again.
    ///   - clock: the time source (tests move it).
    public init(burst: Int = 5, secondsPerTry: Double = 60, globalBurst: Int = 30, globalPerSecond: Double = 2,
                clock: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.burst = burst
        self.secondsPerTry = secondsPerTry
        self.globalBurst = globalBurst
        self.globalPerSecond = globalPerSecond
        self.clock = clock
    }

    /// Admits one sign-in try for `name`: `nil`, or how long to wait.
    func admit(_ name: String) -> Duration? {
        let now = clock()
        if let wait = byName.withLock({ buckets in
            var bucket = buckets[name] ?? TokenBucket(capacity: burst, refillPerSecond: 1 / secondsPerTry, now: now)
            defer { buckets[name] = bucket }
            return bucket.take(at: now)
        }) { return wait }
        return global.withLock { bucket in
            var current = bucket ?? TokenBucket(capacity: globalBurst, refillPerSecond: globalPerSecond, now: now)
            defer { bucket = current }
            return current.take(at: now)
        }
    }

    /// Gives `name` its tries back after a successful sign-in.
    func succeeded(_ name: String) {
        _ = byName.withLock { $0.removeValue(forKey: name) }
    }
}
