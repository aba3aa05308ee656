import GRDB
public import OutpostStore

extension SQLiteStore {
    /// Calls `changed` after each commit that appends to `order_event` (one server serves
    /// a file, so its own commits are all there are), until the calling task is cancelled.
    public func watchOrderFeed(_ changed: @escaping @Sendable () -> Void) async throws {
        let observation = DatabaseRegionObservation(tracking: Table("order_event"))
            .start(in: writer, onError: { _ in }, onChange: { _ in changed() })
        defer { observation.cancel() }
        changed()
        while !Task.isCancelled {
            try? await Task.sleep(for: .seconds(3600))
        }
    }
}
