import HubCore
import Testing

@Suite("Token bucket")
struct TokenBucketTests {
    let start = ContinuousClock.now

    @Test("A full bucket admits a burst, then one request per refill interval, and says how long to wait")
    func burstThenRate() {
        var bucket = TokenBucket(capacity: 2, refillPerSecond: 2, now: start)
        #expect(bucket.take(at: start) == nil)
        #expect(bucket.take(at: start) == nil)
        #expect(bucket.take(at: start) == .milliseconds(500))
        #expect(bucket.take(at: start + .milliseconds(250)) == .milliseconds(250))
        #expect(bucket.take(at: start + .milliseconds(500)) == nil)
        #expect(bucket.take(at: start + .milliseconds(500)) == .milliseconds(500))
    }

    @Test("Idle time refills up to the capacity, never beyond")
    func capped() {
        var bucket = TokenBucket(capacity: 3, refillPerSecond: 1, now: start)
        let later = start + .seconds(3600)
        for _ in 0..<3 { #expect(bucket.take(at: later) == nil) }
        #expect(bucket.take(at: later) != nil)
    }

    @Test("A refused request takes nothing, and devices have their own buckets")
    func perDevice() {
        let limiter = DeviceRateLimiter(burst: 1, requestsPerSecond: 1)
        #expect(limiter.admit(device: 1, at: start) == nil)
        #expect(limiter.admit(device: 1, at: start) == .seconds(1))
        let wait = limiter.admit(device: 1, at: start + .milliseconds(999))
        #expect(wait.map { $0 > .zero && $0 <= .milliseconds(2) } == true)
        #expect(limiter.admit(device: 1, at: start + .seconds(1)) == nil)
        #expect(limiter.admit(device: 2, at: start) == nil)
    }
}
