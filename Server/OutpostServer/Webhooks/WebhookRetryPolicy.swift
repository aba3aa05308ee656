import Foundation
import OutpostSQLite

/// When a failed webhook delivery is tried again: after `firstDelay`, doubling each
/// time up to `maxDelay`, until `giveUpAfter` has passed since the event (at least
/// 24 hours; the outbox is in the database, so restarts do not reset it).
struct WebhookRetryPolicy: Sendable, Equatable {
    var firstDelay: Duration = .seconds(30)
    var maxDelay: Duration = .seconds(3600)
    var giveUpAfter: Duration = .seconds(72 * 3600)

    /// The shortest give-up time allowed.
    static let minimumGiveUp: Duration = .seconds(24 * 3600)

    /// What follows a failed attempt, the `attempts`-th (from 1), at `now`, of an
    /// event recorded at `createdAt`.
    func afterFailure(attempts: Int, createdAt: Date, now: Date) -> DeliveryAttemptOutcome {
        let doublings = min(max(attempts - 1, 0), 40)
        let delay = min(firstDelay * (1 << doublings), maxDelay)
        let next = now.addingTimeInterval(delay.seconds)
        return next.timeIntervalSince(createdAt) > giveUpAfter.seconds ? .failed : .retry(at: next)
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
