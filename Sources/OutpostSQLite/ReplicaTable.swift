import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostStore

/// One row of `replica_record`: the hub's merge state of a record and where it routes.
struct StoredReplica {
    var state: RecordState
    /// The routing territory (nil: global, sent to every device).
    var territory: TerritoryID?
    /// The delivery sequence value of the last change.
    var seq: Int64
}

/// The hub's per-record merge state (`replica_record`), kept beside the domain tables
/// in the same transactions: every change to a replicated record, whether an admin's
/// import or a device's write, goes through here and takes the next change sequence
/// value as its hub stamp.
enum ReplicaTable {
    /// The state of `id`, if the hub has it.
    static func load(_ db: Database, _ id: RecordID) throws -> StoredReplica? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT state, territory, seq FROM replica_record WHERE id = ?"),
                                         arguments: [Data(id.bytes)]) else { return nil }
        let state: RecordState
        do { state = try RecordStateCodec.decode([UInt8](row[0] as Data), id: id) } catch {
            throw StoreError(.database, "the stored sync state of record \(id) is unreadable (\(error.message)); restore from a backup")
        }
        return StoredReplica(state: state, territory: try (row[1] as Data?).map(territoryID), seq: row[2])
    }

    /// Stores `replica` for `kind`.
    static func save(_ db: Database, _ replica: StoredReplica, kind: ReplicatedKind) throws {
        try db.cachedStatement(sql: """
            INSERT INTO replica_record (id, kind, territory, seq, state) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, territory = excluded.territory,
                seq = excluded.seq, state = excluded.state
            """).execute(arguments: [Data(replica.state.id.bytes), Int64(kind.rawValue),
                                     replica.territory.map { Data(RecordID($0).bytes) }, replica.seq,
                                     Data(RecordStateCodec.encode(replica.state))])
    }

    /// The territory `route` leads to, following parent records' stored routes.
    /// - Throws: `.missingReference` if a parent record is unknown.
    static func territory(of route: RecordRoute, _ db: Database) throws -> TerritoryID? {
        switch route {
        case .global: return nil
        case .territory(let id), .forecast(let id): return id
        default:
            guard let parent = route.parent else { return nil }
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT territory FROM replica_record WHERE id = ?"),
                                       arguments: [Data(parent.id.bytes)])
            guard let row else {
                throw StoreError(.missingReference, "\(parent.kind.name) \(parent.id) does not exist")
            }
            return try (row[0] as Data?).map(territoryID)
        }
    }

    /// Moves the stored route of every contact, opportunity and activity of `account`
    /// to `territory`, each at the next sequence value so the devices of `territory`
    /// receive them as changes.
    static func reroute(childrenOf account: AccountID, to territory: TerritoryID, _ db: Database,
                        sequence: inout ChangeSequence) throws {
        for table in ["contact", "opportunity", "activity"] {
            let children = try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE account_id = ? ORDER BY id", arguments: [account.sql])
            for text in children {
                let child = RecordID(try AccountID.decode(text, table, "id"))
                try db.cachedStatement(sql: "UPDATE replica_record SET territory = ?, seq = ? WHERE id = ?")
                    .execute(arguments: [Data(RecordID(territory).bytes), sequence.next(), Data(child.bytes)])
            }
        }
    }

    /// Records an admin's (the hub's own) write of `record`'s current fields at
    /// `seq`: a create if the hub does not have the record yet, else an update of the
    /// fields that changed, made having seen everything (it supersedes every value).
    static func recordHubWrite(_ db: Database, _ record: some ReplicatedRecord, seq: Int64, time: WallClock) throws {
        let id = record.recordID
        let existing = try load(db, id)
        var state = existing?.state ?? RecordState(id: id, type: type(of: record).kind.typeID)
        let fields = record.fields
        let operation: WriteOperation
        if existing == nil {
            operation = .create(type: type(of: record).kind.typeID, fields: fields)
        } else {
            let current = state.view(policy: .updateWins).values
            operation = .update(fields: fields.filter { current[$0.key] != $0.value })
        }
        let stamp = Dot(replica: HubReplica.id, counter: UInt64(seq))
        state.apply(Write(dot: stamp, record: id, context: state.context, operation: operation,
                          time: ValueCodec.wholeSeconds(time)), stamp: stamp)
        try save(db, StoredReplica(state: state, territory: try territory(of: record.route, db), seq: seq),
                 kind: type(of: record).kind)
    }

    private static func territoryID(_ data: Data) throws -> TerritoryID {
        do { return TerritoryID(try RecordID(bytes: [UInt8](data))) } catch {
            throw StoreError(.database, "a stored routing territory is \(data.count) bytes, not 16; restore from a backup")
        }
    }
}

extension WallClock {
    /// The instant `date`, to the millisecond.
    init(date: Date) { self.init(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down))) }
}
