import Foundation
import HubCore
import Logging
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import PostgresNIO
import StateCoding

/// The hub's per-record merge state (`replica_record`), kept beside the domain tables
/// in the same transactions: every admin change to a replicated record goes through
/// here and takes a change sequence value as its hub stamp, as on SQLite.
enum ReplicaTable {
    /// The stored state of `id`, if the hub has it.
    static func load(_ connection: PostgresConnection, _ id: RecordID, logger: Logger) async throws -> RecordState? {
        let rows = try await connection.query("SELECT state FROM replica_record WHERE id = \(Data(id.bytes))", logger: logger)
        for try await bytes in rows.decode(Data.self) { return try decode(bytes, id) }
        return nil
    }

    /// Records an admin's (the hub's own) write of `record`'s current fields at `seq`:
    /// a create if the hub does not have the record yet, else an update of the fields
    /// that changed, made having seen everything (it supersedes every value).
    static func recordHubWrite(_ connection: PostgresConnection, _ record: some ReplicatedRecord, seq: Int64, at date: Date,
                               logger: Logger) async throws {
        let id = record.recordID
        let kind = type(of: record).kind
        let state = HubWrite.state(of: record, over: try await load(connection, id, logger: logger), stamp: UInt64(seq),
                                   time: WallClock(date: date))
        let territory = try await territory(of: record.route, connection, logger: logger)
        try await connection.query(try saveSQL(StoredRecord(state: state, kind: kind, territory: territory,
                                                            parent: record.route.parent?.id, seq: UInt64(seq))),
                                   logger: logger)
    }

    /// Records an admin's (the hub's own) delete of `id` at `seq`, made having seen every
    /// value, so it replicates to the devices that hold the record. Nothing happens for a
    /// record the hub never stored.
    static func recordHubDelete(_ connection: PostgresConnection, _ id: RecordID, seq: Int64, at date: Date,
                                logger: Logger) async throws {
        guard var state = try await load(connection, id, logger: logger) else { return }
        let stamp = Dot(replica: ReplicaID.hub, counter: UInt64(seq))
        state.apply(Write(dot: stamp, record: id, context: state.context, operation: .delete,
                          time: WallClock(date: date).wholeSecond), stamp: stamp)
        try await connection.query("""
            UPDATE replica_record SET seq = \(seq), state = \(Data(RecordStateCodec.encode(state))) WHERE id = \(Data(id.bytes))
            """, logger: logger)
    }

    /// How many records of `kind` route to `territory` and are not deleted.
    static func liveCount(of kind: ReplicatedKind, routedTo territory: TerritoryID, _ connection: PostgresConnection,
                          logger: Logger) async throws -> Int {
        let rows = try await connection.query("""
            SELECT id, state FROM replica_record
            WHERE kind = \(Int32(kind.rawValue)) AND territory = \(Data(RecordID(territory).bytes))
            """, logger: logger)
        var count = 0
        for try await (id, bytes) in rows.decode((Data, Data).self) {
            if try !decode(bytes, try RecordID(bytes: [UInt8](id))).view(policy: .updateWins).isDeleted { count += 1 }
        }
        return count
    }

    static func decode(_ bytes: Data, _ id: RecordID) throws(StoreError) -> RecordState {
        do { return try RecordStateCodec.decode([UInt8](bytes), id: id) } catch {
            throw StoreError(.database, "the stored sync state of record \(id) is unreadable (\(error.message)); restore from a backup")
        }
    }

    /// The columns ``record(_:)`` decodes, for `SELECT … FROM replica_record`.
    static let columns = "id, kind, territory, seq, state, parent"

    /// The stored record in a row of ``columns``.
    static func record(_ row: PostgresRow) throws -> StoredRecord {
        let (idBytes, rawKind, territory, seq, state, parent) = try row.decode((Data, Int32, Data?, Int64, Data, Data?).self)
        let id = try recordID(idBytes)
        guard let kind = ReplicatedKind(rawValue: UInt16(clamping: rawKind)) else {
            throw StoreError(.database, "the stored kind \(rawKind) of record \(id) is unknown; restore from a backup")
        }
        let route = try territory.map { bytes throws(StoreError) in TerritoryID(try recordID(bytes)) }
        return StoredRecord(state: try decode(state, id), kind: kind, territory: route, parent: try parent.map(recordID),
                            seq: UInt64(seq))
    }

    /// Stores `record`'s state and route (an insert, or a replacement in place).
    static func saveSQL(_ record: StoredRecord) throws -> PostgresQuery {
        try """
        INSERT INTO replica_record (id, kind, territory, seq, state, parent)
        VALUES (\(Data(record.state.id.bytes)), \(Int32(record.kind.rawValue)), \(record.territory.map { Data(RecordID($0).bytes) }),
                \(Int64(clamping: record.seq)), \(Data(RecordStateCodec.encode(record.state))), \(record.parent.map { Data($0.bytes) }))
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, territory = excluded.territory,
            seq = excluded.seq, state = excluded.state, parent = excluded.parent
        """
    }

    /// The table's columns, for bulk writes (``PostgresRowBuffer``).
    static let shape = TableShape("replica_record", writes: ["id", "kind", "territory", "seq", "state", "parent"],
                                  reads: ["id", "kind", "territory", "seq", "state"])

    /// `record`'s row (an insert, or a replacement in place), for bulk writes.
    static func row(_ record: StoredRecord) -> TableRow {
        let id = record.state.id
        return TableRow(shape, [.blob(Data(id.bytes)), .integer(Int64(record.kind.rawValue)),
                                record.territory.map { .blob(Data(RecordID($0).bytes)) } ?? .null,
                                .integer(Int64(clamping: record.seq)), .blob(Data(RecordStateCodec.encode(record.state))),
                                record.parent.map { .blob(Data($0.bytes)) } ?? .null],
                        upsert: true) {
            RowDescription(kind: record.kind.name, id: "\(id)")
        }
    }

    /// A stored 16-byte record id.
    static func recordID(_ bytes: Data) throws(StoreError) -> RecordID {
        do { return try RecordID(bytes: [UInt8](bytes)) } catch {
            throw StoreError(.database, "a stored record id is \(bytes.count) bytes, not 16; restore from a backup")
        }
    }

    /// The territory `route` leads to, following parent records' stored routes.
    /// - Throws: `.missingReference` if a parent record is unknown.
    static func territory(of route: RecordRoute, _ connection: PostgresConnection, logger: Logger) async throws -> TerritoryID? {
        switch route {
        case .global: return nil
        case .territory(let id), .forecast(let id): return id
        default:
            guard let parent = route.parent else { return nil }
            let rows = try await connection.query("SELECT territory FROM replica_record WHERE id = \(Data(parent.id.bytes))",
                                                  logger: logger)
            for try await bytes in rows.decode(Data?.self) {
                return try bytes.map { bytes throws(StoreError) in
                    do { return TerritoryID(try RecordID(bytes: [UInt8](bytes))) } catch {
                        throw StoreError(.database, "a stored routing territory is \(bytes.count) bytes, not 16; restore from a backup")
                    }
                }
            }
            throw StoreError(.missingReference, "\(parent.kind.name) \(parent.id) does not exist")
        }
    }
}
