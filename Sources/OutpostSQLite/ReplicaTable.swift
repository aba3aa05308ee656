import Foundation
import GRDB
import HubCore
import MergeEngine
import StateCoding
import OutpostModel
import OutpostReplication
import OutpostStore

/// The hub's per-record merge state (`replica_record`), kept beside the domain tables
/// in the same transactions: every change to a replicated record, whether an admin's
/// import or a device's write, goes through here and takes the next change sequence
/// value as its hub stamp.
enum ReplicaTable {
    /// The state of `id`, if the hub has it.
    static func load(_ db: Database, _ id: RecordID) throws -> StoredRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT \(columns) FROM replica_record WHERE id = ?"),
                         arguments: [Data(id.bytes)]).map { try record($0) }
    }

    /// The columns ``record(_:)`` reads, in its order.
    static let columns = "id, kind, territory, seq, state, parent"

    /// The record in a row of ``columns``, its state taken from `states` when they
    /// decoded these stored bytes before (and kept there otherwise).
    static func record(_ row: Row, states: DecodedStates? = nil) throws -> StoredRecord {
        let id = try RecordID(bytes: [UInt8](row[0] as Data))
        guard let kind = ReplicatedKind(rawValue: UInt16(clamping: row[1] as Int64)) else {
            throw StoreError.corrupt("replica_record", "kind", "kind \(row[1] as Int64) of record \(id) is unknown")
        }
        let stored: Data = row[4]
        let decode = { (bytes: Data) throws(StateCodingError) in try RecordStateCodec.decode([UInt8](bytes), id: id) }
        let state: RecordState
        do {
            if let states { state = try states.state(of: id, stored: stored, decode: decode) } else { state = try decode(stored) }
        } catch {
            throw StoreError(.database, "the stored sync state of record \(id) is unreadable (\(error.message)); restore from a backup")
        }
        return StoredRecord(state: state, kind: kind, territory: try (row[2] as Data?).map(territoryID),
                            parent: try (row[5] as Data?).map { try RecordID(bytes: [UInt8]($0)) }, seq: UInt64(row[3] as Int64))
    }

    /// Stores `record`.
    static func save(_ db: Database, _ record: StoredRecord) throws {
        try db.cachedStatement(sql: """
            INSERT INTO replica_record (id, kind, territory, seq, state, parent) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, territory = excluded.territory,
                seq = excluded.seq, state = excluded.state, parent = excluded.parent
            """).execute(arguments: [Data(record.state.id.bytes), Int64(record.kind.rawValue),
                                     record.territory.map { Data(RecordID($0).bytes) }, Int64(clamping: record.seq),
                                     Data(RecordStateCodec.encode(record.state)), record.parent.map { Data($0.bytes) }])
    }

    /// The territory `route` leads to, following parent records' stored routes.
    /// - Throws: `.missingReference` if a parent record is unknown.
    static func territory(of route: RecordRoute, _ db: Database) throws -> TerritoryID? {
        do { return try Routing.territory(of: route, in: SQLiteLedgerTransaction(db: db)) } catch let refusal as LedgerRefusal {
            throw StoreError(.missingReference, refusal.message)
        }
    }

    /// Records an admin's (the hub's own) write of `record`'s current fields at
    /// `seq`: a create if the hub does not have the record yet, else an update of the
    /// fields that changed, made having seen everything (it supersedes every value).
    static func recordHubWrite(_ db: Database, _ record: some ReplicatedRecord, seq: Int64, time: WallClock) throws {
        let state = HubWrite.state(of: record, over: try load(db, record.recordID)?.state, stamp: UInt64(seq), time: time)
        try save(db, StoredRecord(state: state, kind: type(of: record).kind, territory: try territory(of: record.route, db),
                                  parent: record.route.parent?.id, seq: UInt64(seq)))
    }

    static func territoryID(_ data: Data) throws -> TerritoryID {
        do { return TerritoryID(try RecordID(bytes: [UInt8](data))) } catch {
            throw StoreError(.database, "a stored routing territory is \(data.count) bytes, not 16; restore from a backup")
        }
    }
}
