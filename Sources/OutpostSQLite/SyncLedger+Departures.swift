import Foundation
import GRDB
public import MergeEngine
public import OutpostModel
import OutpostReplication
public import OutpostStore

extension SQLiteStore {
    /// Records that left `territories` with `after < seq <= through` and now route
    /// outside them: a device with that scope must evict them (their children go with
    /// them on the device, as orphans).
    public func departures(leaving territories: Set<TerritoryID>, after: UInt64,
                           through: UInt64) async throws(StoreError) -> [RecordID] {
        guard !territories.isEmpty, through > after else { return [] }
        return try await read("reading records that left a territory") { db in
            let scope = territories.map { Data(RecordID($0).bytes) }
            let marks = Array(repeating: "?", count: scope.count).joined(separator: ",")
            let sql = """
                SELECT DISTINCT d.record FROM record_departure d JOIN replica_record r ON r.id = d.record
                WHERE d.seq > ? AND d.seq <= ? AND d.territory IN (\(marks))
                    AND (r.territory IS NULL OR r.territory NOT IN (\(marks)))
                """
            let arguments: [(any DatabaseValueConvertible)?] = [Int64(clamping: after), Int64(clamping: through)] + scope + scope
            return try Data.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { try RecordID(bytes: [UInt8]($0)) }
        }
    }
}
