import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one signed webhook request and reports how the receiver answered.
struct WebhookSender: Sendable {
    /// How long one request may take, connection included.
    var timeout: Duration = .seconds(10)

    /// The answer to one request: the HTTP status, or why none came.
    struct Answer: Sendable, Equatable {
        var status: Int?
        var error: String?
        /// Whether the receiver took the event (2xx).
        var delivered: Bool { status.map { (200..<300).contains($0) } ?? false }
    }

    /// POSTs `body` to `url` with the event's headers, signed with `secret` at `now`.
    func send(url: String, body: [UInt8], secret: String, eventID: String, event: String, attempt: Int, now: Date) async -> Answer {
        do {
            var request = HTTPClientRequest(url: url)
            request.method = .POST
            request.headers.add(name: "Content-Type", value: "application/json")
            request.headers.add(name: "User-Agent", value: "Outpost/\(outpostVersion)")
            request.headers.add(name: "Idempotency-Key", value: eventID)
            request.headers.add(name: "Outpost-Event-Id", value: eventID)
            request.headers.add(name: "Outpost-Event", value: event)
            request.headers.add(name: "Outpost-Delivery-Attempt", value: "\(attempt)")
            request.headers.add(name: WebhookSignature.header,
                                value: try WebhookSignature.value(body: body, secret: secret, timestamp: Int64(now.timeIntervalSince1970)))
            request.body = .bytes(ByteBuffer(bytes: body))
            let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(Int64(timeout.seconds * 1e9)))
            _ = try? await response.body.collect(upTo: 64 << 10)
            let status = Int(response.status.code)
            return Answer(status: status, error: (200..<300).contains(status) ? nil : "the receiver answered \(status)")
        } catch {
            return Answer(status: nil, error: "\(error)")
        }
    }
}
