import Foundation
public import Hummingbird
import OutpostStore

/// Registers `GET /orders/feed?after=CURSOR&limit=N` for fulfilment systems: the
/// order state changes after `after` (default 0), at most `limit` (1...1000, default
/// 100), oldest first, and `next`, the cursor to resume after. Each order appears once
/// per state it reached, so a reader that keeps `next` sees every change exactly once.
///
/// The caller needs an API token with scope `orders:read` (``APIAccess``): 401 without
/// one, 403 when the token lacks the scope.
///
/// ```sh
/// curl -H "Authorization: Bearer $TOKEN" 'http://hq:8080/orders/feed?after=0&limit=100'
/// ```
///
/// `wait=SECONDS` (0...60, default 0) makes an empty page wait: the answer comes as soon as an order
/// changes on any server instance (``OrderFeedWake``, woken by PostgreSQL's
/// `LISTEN/NOTIFY` or SQLite's commit observer; no polling), or empty after `wait` seconds.
///
/// ```sh
/// curl -H "Authorization: Bearer $TOKEN" 'http://hq:8080/orders/feed?after=42&wait=30'
/// ```
func addOrderFeedRoute<Context: RequestContext>(to router: Router<Context>, store: any OrderFeedStore, access: APIAccess,
                                                wake: OrderFeedWake? = nil) {
    router.get("orders/feed") { request, _ -> FeedPage in
        try await access.authorize(request, for: .ordersRead)
        let query = request.uri.queryParameters
        let after = try number(query["after"], name: "after", default: 0, range: 0...Int64.max)
        let limit = try number(query["limit"], name: "limit", default: 100, range: 1...1000)
        let wait = try number(query["wait"], name: "wait", default: 0, range: 0...60)
        let deadline = ContinuousClock.now + .seconds(wait)
        while true {
            let seen = await wake?.current
            let page = try await store.orderFeed(after: after, limit: Int(limit))
            let left = deadline - ContinuousClock.now
            guard page.events.isEmpty, let wake, let seen, left > .zero else {
                return FeedPage(orders: page.events.map(FeedOrder.init), next: page.next)
            }
            await wake.wait(past: seen, timeout: left)
        }
    }
}

/// A whole-number query parameter within `range`, or `default` when absent.
private func number(_ text: Substring?, name: String, default value: Int64, range: ClosedRange<Int64>) throws -> Int64 {
    guard let text else { return value }
    guard let parsed = Int64(text), range.contains(parsed) else {
        throw HTTPError(.badRequest, message: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound).")
    }
    return parsed
}
