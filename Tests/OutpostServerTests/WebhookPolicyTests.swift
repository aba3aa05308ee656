import Foundation
@testable import OutpostServer
import OutpostSQLite
import Testing

@Suite("Webhook signatures and retries")
struct WebhookPolicyTests {
    @Test("the signature is HMAC-SHA-256 over the timestamp, a dot and the body (the value Python's hmac gives)")
    func signature() throws {
        let value = try WebhookSignature.value(body: Array(#"{"id":"order-event-1"}"#.utf8), secret: "whsec_test", timestamp: 1_764_979_200)
        #expect(value == "t=1764979200,v1=4029fa8c0cb55e3cbfdc5d982e44d0d57ec6ae45a5a22f63a5b8bb14e14ebc22")
        #expect(try WebhookSignature.value(body: Array(#"{"id":"order-event-2"}"#.utf8), secret: "whsec_test", timestamp: 1_764_979_200) != value)
    }

    @Test("retries double from the first delay up to the cap, and give up only after the give-up time")
    func backoff() {
        let policy = WebhookRetryPolicy(firstDelay: .seconds(30), maxDelay: .seconds(3600), giveUpAfter: .seconds(24 * 3600))
        let created = Date(timeIntervalSince1970: 1_800_000_000)
        var now = created
        var delays: [TimeInterval] = []
        var attempts = 0
        while case .retry(let next) = policy.afterFailure(attempts: attempts + 1, createdAt: created, now: now) {
            attempts += 1
            delays.append(next.timeIntervalSince(now))
            now = next
        }
        #expect(Array(delays.prefix(8)) == [30, 60, 120, 240, 480, 960, 1920, 3600])
        #expect(delays.dropFirst(7).allSatisfy { $0 == 3600 })
        #expect(now.timeIntervalSince(created) <= 24 * 3600 && now.timeIntervalSince(created) > 23 * 3600,
                "it keeps retrying until the give-up time is reached")
        #expect(policy.afterFailure(attempts: attempts + 1, createdAt: created, now: now) == .failed)
        #expect(attempts == 29)
    }
}
