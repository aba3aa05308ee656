/// The order desk's feed: what `GET /orders/feed` reads, and how a waiting reader learns
/// that it grew. Both backends implement it.
public protocol OrderFeedStore: Sendable {
    /// Up to `limit` order state changes after `cursor`, in feed order: each order
    /// appears once per state it reached.
    func orderFeed(after cursor: Int64, limit: Int) async throws(StoreError) -> OrderFeedPage

    /// Calls `changed` once the watch is in place (so a reader re-reads what changed
    /// before it), then after each commit that appends to the feed, from whichever server
    /// instance on the database takes the order, until the calling task is cancelled.
    /// (SQLite: the file's one server observes its own commits; PostgreSQL: `LISTEN`
    /// on the channel every feed append `NOTIFY`s in its transaction.)
    func watchOrderFeed(_ changed: @escaping @Sendable () -> Void) async throws
}
