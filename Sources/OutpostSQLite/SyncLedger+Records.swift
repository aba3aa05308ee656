import Foundation
import GRDB
public import MergeEngine
public import OutpostModel
import OutpostProtocol
public import OutpostReplication
public import OutpostStore

/// A page of replicated records for a device, in delivery order.
public struct ReplicaPage: Sendable {
    /// The records with their delivery sequence values, ascending.
    public var records: [(state: RecordState, seq: UInt64)]
    /// The server's last sequence value when the page was read.
    public var currentSeq: UInt64
}

extension SQLiteStore {
    /// Up to `limit` records routed to `territories` (and global ones if
    /// `includeGlobal`, and those of `kinds` wherever they route), with
    /// `after < seq <= through`, ascending by seq.
    public func replicaPage(territories: Set<TerritoryID>, includeGlobal: Bool, kinds: Set<ReplicatedKind> = [],
                            after: UInt64, through: UInt64?, limit: Int) async throws(StoreError) -> ReplicaPage {
        try await read("reading records to sync") { db in
            var conditions = ["seq > ?"]
            var arguments: [(any DatabaseValueConvertible)?] = [Int64(clamping: after)]
            if let through {
                conditions.append("seq <= ?")
                arguments.append(Int64(clamping: through))
            }
            var route: [String] = []
            if !territories.isEmpty {
                route.append("territory IN (" + Array(repeating: "?", count: territories.count).joined(separator: ",") + ")")
                arguments += territories.map { Data(RecordID($0).bytes) }
            }
            if includeGlobal { route.append("territory IS NULL") }
            if !kinds.isEmpty {
                route.append("kind IN (" + Array(repeating: "?", count: kinds.count).joined(separator: ",") + ")")
                arguments += kinds.map { Int64($0.rawValue) }
            }
            guard !route.isEmpty else { return ReplicaPage(records: [], currentSeq: UInt64(try ChangeSequence.current(db))) }
            conditions.append("(" + route.joined(separator: " OR ") + ")")
            arguments.append(Int64(limit))
            let sql = "SELECT id, state, seq FROM replica_record WHERE " + conditions.joined(separator: " AND ") + " ORDER BY seq LIMIT ?"
            var records: [(state: RecordState, seq: UInt64)] = []
            let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(arguments))
            while let row = try rows.next() {
                let id = try RecordID(bytes: [UInt8](row[0] as Data))
                let state = try RecordStateCodec.decode([UInt8](row[1] as Data), id: id)
                records.append((state, UInt64(row[2] as Int64)))
            }
            return ReplicaPage(records: records, currentSeq: UInt64(try ChangeSequence.current(db)))
        }
    }
}
