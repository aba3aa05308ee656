import OutpostModel
import OutpostStore

extension RecordStore {
    /// Writes `records` of one kind in one batch, as an admin command changes a product,
    /// an option, a price book or a quota.
    /// - Parameters:
    ///   - records: the records, new or changed.
    ///   - kind: where they go in a ``RecordBatch``, e.g. `\.products`.
    func upsert<Record>(_ records: [Record], as kind: WritableKeyPath<RecordBatch, [Record]>) async throws {
        var batch = RecordBatch()
        batch[keyPath: kind] = records
        try await upsert(batch)
    }
}
