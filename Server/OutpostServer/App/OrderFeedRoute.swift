import Foundation
public import Hummingbird
import OutpostStore
import SodiumKit

/// Registers `GET /orders/feed?after=CURSOR&limit=N` for fulfilment systems: the
/// order state changes after `after` (default 0), at most `limit` (1...1000, default
/// 100), oldest first, and `next`, the cursor to resume after. Each order appears once
/// per state it reached, so a reader that keeps `next` sees every change exactly once.
///
/// The caller must send `Authorization: Bearer TOKEN` with the server's feed token
/// (compared in constant time); anything else is answered 401.
///
/// ```sh
/// curl -H "Authorization: Bearer $TOKEN" 'http://hq:8080/orders/feed?after=0&limit=100'
/// ```
func addOrderFeedRoute<Context: RequestContext>(to router: Router<Context>, store: any OutpostStore, token: String) {
    let expected = tokenDigest(token)
    router.get("orders/feed") { request, _ -> FeedPage in
        let presented = request.headers[.authorization].flatMap { header in
            header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)) : nil
        }
        guard let presented, ConstantTime.equal(tokenDigest(presented), expected) else {
            throw HTTPError(.unauthorized, message: "Send Authorization: Bearer with the server's order feed token.")
        }
        let query = request.uri.queryParameters
        let after = try number(query["after"], name: "after", default: 0, range: 0...Int64.max)
        let limit = try number(query["limit"], name: "limit", default: 100, range: 1...1000)
        let page = try await store.orderFeed(after: after, limit: Int(limit))
        return FeedPage(orders: page.events.map(FeedOrder.init), next: page.next)
    }
}

/// The BLAKE2b of a token, so tokens of any length compare in constant time.
private func tokenDigest(_ token: String) -> [UInt8] {
    (try? GenericHash.hash(Array(token.utf8))) ?? []
}

/// A whole-number query parameter within `range`, or `default` when absent.
private func number(_ text: Substring?, name: String, default value: Int64, range: ClosedRange<Int64>) throws -> Int64 {
    guard let text else { return value }
    guard let parsed = Int64(text), range.contains(parsed) else {
        throw HTTPError(.badRequest, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
    }
    return parsed
}
