public import Foundation
import GRDB
import MergeEngine
public import OutpostModel
import OutpostProtocol
public import OutpostReplication
public import OutpostStore
import SodiumKit

/// A change the browser console makes on behalf of its signed-in user.
public enum ConsoleChange: Sendable {
    /// A new record (a manager's forecast adjustment, a note to a rep).
    case create(any ReplicatedRecord)
    /// The record as it should read afterwards: the fields that differ from the hub's
    /// current view are written, with that view's context (so a concurrent device edit
    /// becomes a visible conflict, exactly as between two devices).
    case update(any ReplicatedRecord)
}

/// A console change the hub refused, with its reason (the same one a device gets).
public struct ConsoleWriteRefused: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why, in words for the person at the browser.
    public let message: String
    public var description: String { message }
}

/// A replicated record with the territory it routes to (`nil`: global).
public struct RoutedRecord<Record: ReplicatedRecord>: Sendable {
    /// The hub's merged view of the record.
    public var record: Record
    /// Where it routes.
    public var territory: TerritoryID?
    /// The change sequence value of its last change.
    public var seq: Int64
}

extension SQLiteStore {
    /// Makes `changes` as replicated writes of `user`, the way their own device would:
    /// each is a device write of the user's console device (made on first use, with no
    /// usable key, so nothing can sync as it) pushed through ``processPush`` — the same
    /// scope, role and order-state checks, the same hub stamps, the same feed events —
    /// so the change reaches every device in scope at its next sync.
    ///
    /// Callers serialize calls for one store (a console writer actor): the device's
    /// write counter is read here and used by the push that follows.
    /// - Returns: the hub stamp of each write made (a change that changes nothing is skipped).
    /// - Throws: ``ConsoleWriteRefused`` with the hub's reason when a write is refused.
    @discardableResult
    public func consoleWrite(_ changes: [ConsoleChange], as user: User, now: Date) async throws -> [UInt64] {
        let time = ValueCodec.wholeSeconds(WallClock(date: now))
        let (number, request, writes) = try await write("preparing a console change") { db in
            let (number, lastCounter, appliedThrough) = try ConsoleDevice.ensure(db, for: user, now: now)
            var writes: [Write] = []
            for change in changes {
                let record: any ReplicatedRecord
                let operation: WriteOperation
                let existing: StoredReplica?
                switch change {
                case .create(let new):
                    record = new
                    existing = nil
                    operation = .create(type: type(of: new).kind.typeID, fields: new.fields)
                case .update(let changed):
                    record = changed
                    existing = try ReplicaTable.load(db, changed.recordID)
                    guard let existing else {
                        throw ConsoleWriteRefused(message: "\(type(of: changed).kind.name) \(changed.recordID) is not on the server")
                    }
                    let current = existing.state.view(policy: .updateWins).values
                    let fields = changed.fields.filter { current[$0.key] != $0.value }
                    if fields.isEmpty { continue }
                    operation = .update(fields: fields)
                }
                let dot = Dot(replica: ReplicaID(number), counter: appliedThrough + UInt64(writes.count) + 1)
                writes.append(Write(dot: dot, record: record.recordID, context: existing?.state.context ?? VersionVector(),
                                    operation: operation, time: time))
            }
            return (number, lastCounter + 1, writes)
        }
        guard !writes.isEmpty else { return [] }
        let report = try await processPush(device: number, counter: request, writes: writes, versions: [], now: now)
        if let refusal = report.outcome.refusals.first(where: { refusal in writes.contains { $0.dot.counter == refusal.counter } }) {
            throw ConsoleWriteRefused(message: refusal.message)
        }
        let stamps = Dictionary(report.outcome.acks.map { ($0.counter, $0.stamp) }, uniquingKeysWith: { first, _ in first })
        return try writes.map { write in
            guard let stamp = stamps[write.dot.counter] else {
                throw ConsoleWriteRefused(message: "the server did not apply the change; try again")
            }
            return stamp
        }
    }

    /// The live records of `kind` with their routing territories, from the hub's merged
    /// states (quotes and adjustments have no domain table of their own).
    public func routedRecords<Record: ReplicatedRecord>(of kind: ReplicatedKind, as _: Record.Type = Record.self)
        async throws(StoreError) -> [RoutedRecord<Record>] {
        try await read("listing \(kind.name) records") { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT id, state, territory, seq FROM replica_record WHERE kind = ? ORDER BY seq",
                                           arguments: [Int64(kind.rawValue)])
            var records: [RoutedRecord<Record>] = []
            while let row = try rows.next() {
                let id = try RecordID(bytes: [UInt8](row[0] as Data))
                let view = try RecordStateCodec.decode([UInt8](row[1] as Data), id: id).view(policy: .updateWins)
                guard !view.isDeleted, let record = try? Record(recordID: id, fields: view.values) else { continue }
                let territory = try (row[2] as Data?).map { TerritoryID(try RecordID(bytes: [UInt8]($0))) }
                records.append(RoutedRecord(record: record, territory: territory, seq: row[3]))
            }
            return records
        }
    }

    /// The territories `user`'s devices hold (a manager: the subtrees of their territories).
    public func scope(of user: UserID) async throws(StoreError) -> Set<TerritoryID> {
        try await read("reading a user's scope") { db in try ScopeQuery.territories(db, of: user) }
    }
}

/// The device a user's console writes as: an ordinary device row and replica number,
/// labelled `browser console`, whose public key is random bytes nobody holds the
/// secret of, so it can never sync over the wire.
enum ConsoleDevice {
    static let label = "browser console"

    /// The console device of `user` (made on first use): its replica number, last
    /// request counter and last write applied.
    static func ensure(_ db: Database, for user: User, now: Date) throws -> (number: UInt32, lastCounter: UInt64, appliedThrough: UInt64) {
        let select = """
            SELECT s.number, s.last_counter, s.applied_through FROM console_device c JOIN sync_device s ON s.number = c.number
            WHERE c.user_id = ?
            """
        if let row = try Row.fetchOne(db, sql: select, arguments: [user.id.sql]) {
            return (UInt32(row[0] as Int64), UInt64(row[1] as Int64), UInt64(row[2] as Int64))
        }
        let device = Device(userID: user.id, label: label, publicKey: try SecureRandom.bytes(32), enrolledAt: now)
        try device.insert(db)
        try db.execute(sql: "INSERT INTO sync_device (number, device_id) VALUES ((SELECT COALESCE(MAX(number), 0) + 1 FROM sync_device), ?)",
                       arguments: [device.id.sql])
        let number = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO console_device (user_id, number) VALUES (?, ?)", arguments: [user.id.sql, number])
        return (UInt32(number), 0, 0)
    }
}
