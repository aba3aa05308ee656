import Foundation
import OutpostModel
import OutpostStore

/// The JSON body of a webhook request:
///
/// ```json
/// {"created_at":"2026-12-06T08:00:00Z","event":"order.accepted","id":"order-event-12",
///  "order":{"cursor":12,"id":"…","number":"SO-000001","status":"accepted",…}}
/// ```
///
/// `id` is the idempotency key (also sent as `Idempotency-Key`): one per order
/// event, the same on every retry. `order` has the fields of `GET /orders/feed`.
struct WebhookPayload: Encodable {
    let id: String
    let event: String
    let createdAt: String
    let order: FeedOrder?

    enum CodingKeys: String, CodingKey {
        case id, event, createdAt = "created_at", order
    }

    /// The idempotency key of the order event at feed cursor `cursor`.
    static func eventID(cursor: Int64) -> String { "order-event-\(cursor)" }

    /// The idempotency key of a test event.
    static func testID(_ id: String) -> String { "webhook-test-\(id)" }

    /// The body for an order event.
    static func body(_ event: OrderEvent) throws -> [UInt8] {
        try encode(WebhookPayload(id: eventID(cursor: event.cursor), event: "order.\(event.status.rawValue)",
                                  createdAt: event.at.formatted(.iso8601), order: FeedOrder(event)))
    }

    /// The body of `webhook test`: no order.
    static func testBody(id: String, at date: Date) throws -> [UInt8] {
        try encode(WebhookPayload(id: testID(id), event: "webhook.test", createdAt: date.formatted(.iso8601), order: nil))
    }

    private static func encode(_ payload: WebhookPayload) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(payload))
    }
}
