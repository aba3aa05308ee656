import Foundation
import GRDB
public import OutpostStore

/// A fulfilment system's subscription to order events.
public struct Webhook: Sendable, Equatable, Codable {
    public var id: Int64
    public var url: String
    /// Subscribed event names, e.g. `order.submitted`.
    public var events: [String]
    public var createdAt: Date
}

/// One event for one webhook in the outbox, with its attempts so far.
public struct WebhookDelivery: Sendable, Equatable, Codable {
    /// Where a delivery stands.
    public enum State: String, Sendable, Codable {
        /// Not yet answered 2xx; retried at `nextAttemptAt`.
        case pending
        /// Answered 2xx once; never sent again.
        case delivered
        /// Given up (retried past the give-up time, or the webhook was removed).
        case failed
    }

    public var id: Int64
    public var webhookID: Int64
    public var url: String
    /// The event name, e.g. `order.accepted`.
    public var event: String
    /// The order feed cursor of the event.
    public var eventCursor: Int64
    public var state: State
    public var attempts: Int
    public var createdAt: Date
    public var nextAttemptAt: Date
    public var lastAttemptAt: Date?
    public var lastStatus: Int?
    public var lastError: String?
    public var deliveredAt: Date?
}

/// A delivery due now, with what it sends: the secret to sign with and the body,
/// fixed at the first attempt so every retry sends the same bytes.
public struct DueDelivery: Sendable, Equatable {
    public var delivery: WebhookDelivery
    public var secret: String
    public var body: [UInt8]
}

/// What an attempt came to.
public enum DeliveryAttemptOutcome: Sendable, Equatable {
    /// The receiver answered 2xx.
    case delivered
    /// Not delivered; try again at this instant.
    case retry(at: Date)
    /// Not delivered, and retrying is over.
    case failed
}

extension SQLiteStore {
    /// Subscribes `url` to `events` with `secret` (the HMAC key of the signatures).
    public func addWebhook(url: String, events: [String], secret: String, now: Date) async throws(StoreError) -> Webhook {
        try await write("adding a webhook for \(url)") { db in
            try db.execute(sql: "INSERT INTO webhook (url, secret, events, created_at) VALUES (?, ?, ?, ?)",
                           arguments: [url, secret, "," + events.joined(separator: ",") + ",", now.sqlMilliseconds])
            return Webhook(id: db.lastInsertedRowID, url: url, events: events, createdAt: Date(sqlMilliseconds: now.sqlMilliseconds))
        }
    }

    /// The webhooks in force, oldest first.
    public func webhooks() async throws(StoreError) -> [Webhook] {
        try await read("listing webhooks") { db in
            try Row.fetchAll(db, sql: "SELECT id, url, events, created_at FROM webhook WHERE removed_at IS NULL ORDER BY id").map { row in
                let events: String = row[2]
                return Webhook(id: row[0], url: row[1], events: events.split(separator: ",").map(String.init),
                               createdAt: Date(sqlMilliseconds: row[3]))
            }
        }
    }

    /// The webhooks in force with their signing secrets (for `webhook test`).
    public func webhookSecrets() async throws(StoreError) -> [(webhook: Webhook, secret: String)] {
        let hooks = try await webhooks()
        let secrets = try await read("reading webhook secrets") { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, secret FROM webhook WHERE removed_at IS NULL")
                .map { ($0[0] as Int64, $0[1] as String) })
        }
        return hooks.compactMap { hook in secrets[hook.id].map { (hook, $0) } }
    }

    /// Removes webhook `id`: no new deliveries, and its pending ones fail.
    /// - Throws: `.notFound` when no webhook in force has that id.
    public func removeWebhook(_ id: Int64, now: Date) async throws(StoreError) {
        try await write("removing webhook \(id)") { db in
            try db.execute(sql: "UPDATE webhook SET removed_at = ? WHERE id = ? AND removed_at IS NULL", arguments: [now.sqlMilliseconds, id])
            guard db.changesCount > 0 else {
                throw StoreError(.notFound, "no webhook has id \(id); list them with outpost-server webhook list")
            }
            try db.execute(sql: """
                UPDATE webhook_delivery SET state = 'failed', last_error = 'the webhook was removed'
                WHERE webhook_id = ? AND state = 'pending'
                """, arguments: [id])
        }
    }

    /// Up to `limit` deliveries due at `now`, oldest first, skipping any whose order
    /// has an older delivery still pending for the same webhook (events of one order
    /// arrive in order). A delivery without a body gets one from `body`, stored in
    /// the same transaction.
    public func dueDeliveries(now: Date, limit: Int, body: @escaping @Sendable (OrderEvent) throws -> [UInt8])
        async throws(StoreError) -> [DueDelivery] {
        // Polled every second or so: look first, so an idle outbox never takes the write lock.
        let anyDue = try await read("looking for due webhook deliveries") { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM webhook_delivery WHERE state = 'pending' AND next_attempt_at <= ?)",
                              arguments: [now.sqlMilliseconds]) ?? false
        }
        guard anyDue else { return [] }
        return try await write("reading due webhook deliveries") { db in
            let rows = try Row.fetchAll(db, sql: Self.deliverySelect + """
                 WHERE d.state = 'pending' AND d.next_attempt_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery e WHERE e.webhook_id = d.webhook_id AND e.state = 'pending'
                                  AND e.order_id = d.order_id AND e.id < d.id)
                ORDER BY d.id LIMIT ?
                """, arguments: [now.sqlMilliseconds, limit])
            return try rows.map { row in
                let delivery = try Self.delivery(row)
                let secret: String = row["secret"]
                if let stored = row["body"] as Data? {
                    return DueDelivery(delivery: delivery, secret: secret, body: [UInt8](stored))
                }
                guard let event = try Self.orderEvents(db, where: "e.cursor = ?", arguments: [delivery.eventCursor]).first else {
                    throw StoreError(.database, "webhook delivery \(delivery.id) names no order event; restore from a backup")
                }
                let made = try body(event)
                try db.execute(sql: "UPDATE webhook_delivery SET body = ? WHERE id = ?", arguments: [Data(made), delivery.id])
                return DueDelivery(delivery: delivery, secret: secret, body: made)
            }
        }
    }

    /// Records one attempt of delivery `id` at `at`: the HTTP status (if one came)
    /// or the error, and what happens next.
    public func recordDeliveryAttempt(_ id: Int64, at: Date, status: Int?, error: String?,
                                      outcome: DeliveryAttemptOutcome) async throws(StoreError) {
        try await write("recording webhook delivery \(id)") { db in
            let (state, next, delivered): (String, Int64?, Int64?) = switch outcome {
            case .delivered: ("delivered", nil, at.sqlMilliseconds)
            case .retry(let when): ("pending", when.sqlMilliseconds, nil)
            case .failed: ("failed", nil, nil)
            }
            try db.execute(sql: """
                UPDATE webhook_delivery SET attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = ?, state = ?,
                    next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = ?
                WHERE id = ? AND state = 'pending'
                """, arguments: [at.sqlMilliseconds, status, error, state, next, delivered, id])
        }
    }

    /// Deliveries, newest first, at most `limit`; only failed or still-failing ones
    /// (pending after an attempt) with `failedOnly`.
    public func webhookDeliveries(failedOnly: Bool, limit: Int) async throws(StoreError) -> [WebhookDelivery] {
        try await read("listing webhook deliveries") { db in
            let filter = failedOnly ? " WHERE d.state = 'failed' OR (d.state = 'pending' AND d.attempts > 0)" : ""
            return try Row.fetchAll(db, sql: Self.deliverySelect + filter + " ORDER BY d.id DESC LIMIT ?", arguments: [limit])
                .map(Self.delivery)
        }
    }

    private static let deliverySelect = """
        SELECT d.id, d.webhook_id, w.url, d.event, d.event_cursor, d.state, d.attempts, d.created_at, d.next_attempt_at,
               d.last_attempt_at, d.last_status, d.last_error, d.delivered_at, d.body, w.secret
        FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id
        """

    private static func delivery(_ row: Row) throws -> WebhookDelivery {
        WebhookDelivery(
            id: row[0], webhookID: row[1], url: row[2], event: row[3], eventCursor: row[4],
            state: try decodeEnum(row[5], "webhook_delivery", "state"), attempts: row[6],
            createdAt: Date(sqlMilliseconds: row[7]), nextAttemptAt: Date(sqlMilliseconds: row[8]),
            lastAttemptAt: (row[9] as Int64?).map(Date.init(sqlMilliseconds:)), lastStatus: row[10], lastError: row[11],
            deliveredAt: (row[12] as Int64?).map(Date.init(sqlMilliseconds:)))
    }
}
