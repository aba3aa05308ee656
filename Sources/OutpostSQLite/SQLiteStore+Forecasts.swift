import Foundation
import GRDB
import MergeEngine
import StateCoding
public import OutpostModel
import OutpostReplication
public import OutpostStore

extension SQLiteStore {
    /// Every forecast adjustment, read from the hub's merge states (adjustments have no
    /// domain table: they are events, written once and never overwritten).
    public func forecastAdjustments() async throws(StoreError) -> [ForecastAdjustment] {
        try await read("listing forecast adjustments") { db in try Self.replicated(db, .forecastAdjustment) }
    }

    /// Every quota, read from the hub's merge states.
    public func quotas() async throws(StoreError) -> [Quota] {
        try await read("listing quotas") { db in try Self.replicated(db, .quota) }
    }

    /// The live records of `kind` in `replica_record`, decoded from their merged views.
    private static func replicated<R: ReplicatedRecord>(_ db: Database, _ kind: ReplicatedKind) throws -> [R] {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, state FROM replica_record WHERE kind = ?", arguments: [Int64(kind.rawValue)])
        var records: [R] = []
        while let row = try rows.next() {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            let view = try RecordStateCodec.decode([UInt8](row[1] as Data), id: id).view(policy: .updateWins)
            guard !view.isDeleted else { continue }
            records.append(try R(recordID: id, fields: view.values))
        }
        return records
    }
}
