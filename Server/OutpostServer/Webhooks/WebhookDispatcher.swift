import Foundation
import Logging
import OutpostSQLite
import ServiceLifecycle

/// Delivers the webhook outbox: a service of the application that polls for due
/// deliveries, sends each (in order per order, see `SQLiteStore.dueDeliveries`),
/// and records the answer and the next attempt. Everything it knows is in the
/// database, so a restarted server carries on where the last one stopped.
struct WebhookDispatcher: Service {
    let store: SQLiteStore
    var policy = WebhookRetryPolicy()
    var sender = WebhookSender()
    /// How long to wait when nothing is due.
    var pollInterval: Duration = .seconds(1)
    let metrics: ServerMetrics?
    let logger: Logger
    /// The time now (tests may pass another clock).
    var now: @Sendable () -> Date = { Date() }

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let attempted: Int
            do { attempted = try await deliverDue() } catch {
                // A locked or failing database must not stop the server; the outbox waits.
                logger.error("webhook delivery failed", metadata: ["error": "\(error)"])
                attempted = 0
            }
            if attempted == 0 { try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pollInterval) } }
        }
    }

    /// Attempts every delivery due now, once; returns how many it attempted.
    func deliverDue() async throws -> Int {
        let due = try await store.dueDeliveries(now: now(), limit: 50, body: WebhookPayload.body)
        for item in due {
            try await attempt(item)
        }
        return due.count
    }

    private func attempt(_ item: DueDelivery) async throws {
        let delivery = item.delivery
        let eventID = WebhookPayload.eventID(cursor: delivery.eventCursor)
        let answer = await sender.send(url: delivery.url, body: item.body, secret: item.secret, eventID: eventID, event: delivery.event,
                                       attempt: delivery.attempts + 1, now: now())
        let at = now()
        let outcome: DeliveryAttemptOutcome = answer.delivered
            ? .delivered : policy.afterFailure(attempts: delivery.attempts + 1, createdAt: delivery.createdAt, now: at)
        try await store.recordDeliveryAttempt(delivery.id, at: at, status: answer.status, error: answer.error, outcome: outcome)
        let label = switch outcome { case .delivered: "delivered"; case .retry: "retry"; case .failed: "failed" }
        metrics?.webhookAttempt(outcome: label)
        let metadata: Logger.Metadata = ["webhook": "\(delivery.webhookID)", "delivery": "\(delivery.id)", "event_id": "\(eventID)",
                                         "attempt": "\(delivery.attempts + 1)", "outcome": "\(label)"]
        if answer.delivered {
            logger.info("webhook delivered", metadata: metadata)
        } else {
            logger.notice("webhook not delivered", metadata: metadata.merging(["error": "\(answer.error ?? "")"]) { $1 })
        }
    }
}
