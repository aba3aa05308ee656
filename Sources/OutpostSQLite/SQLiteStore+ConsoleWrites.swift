public import Foundation
import GRDB
public import HubCore
import MergeEngine
import StateCoding
public import OutpostModel
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

    /// A refusal with `message`.
    public init(message: String) { self.message = message }
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

/// A console change prepared as one device request of the user's console device.
public struct ConsoleRequest: Sendable {
    /// The user's console device.
    public var device: EnrolledDevice
    /// The request counter to use (one above the device's last).
    public var counter: UInt64
    /// The writes, numbered after the device's last processed write (empty: nothing changes).
    public var writes: [Write]
}

extension SQLiteStore {
    /// `changes` as writes of `user`'s console device (made on first use, with no
    /// usable key, so nothing can sync as it), the way their own device would write
    /// them: each update carries the hub's current context, so a concurrent device
    /// edit becomes a visible conflict. The hub applies them like any device's.
    ///
    /// Callers serialize calls for one user: the device's counters are read here and
    /// used by the push that follows.
    /// - Throws: ``ConsoleWriteRefused`` for an update of a record the server lacks.
    public func consoleRequest(_ changes: [ConsoleChange], as user: User, now: Date) async throws -> ConsoleRequest {
        let time = WallClock(date: now).wholeSecond
        return try await write("preparing a console change") { db in
            let number = try ConsoleDevice.ensure(db, for: user, now: now)
            let ledger = SQLiteLedgerTransaction(db: db)
            guard let device = try ledger.device(number: number) else {
                throw StoreError(.database, "the console device of \(user.name) vanished; try again")
            }
            var writes: [Write] = []
            for change in changes {
                let record: any ReplicatedRecord
                let operation: WriteOperation
                let existing: StoredRecord?
                switch change {
                case .create(let new):
                    record = new
                    existing = nil
                    operation = .create(type: type(of: new).kind.typeID, fields: new.fields)
                case .update(let changed):
                    record = changed
                    existing = try ledger.record(changed.recordID)
                    guard let existing else {
                        throw ConsoleWriteRefused(message: "\(type(of: changed).kind.name) \(changed.recordID) is not on the server")
                    }
                    let current = existing.state.view(policy: .updateWins).values
                    let fields = changed.fields.filter { current[$0.key] != $0.value }
                    if fields.isEmpty { continue }
                    operation = .update(fields: fields)
                }
                let dot = Dot(replica: device.replica, counter: device.appliedThrough + UInt64(writes.count) + 1)
                writes.append(Write(dot: dot, record: record.recordID, context: existing?.state.context ?? VersionVector(),
                                    operation: operation, time: time))
            }
            return ConsoleRequest(device: device, counter: device.lastCounter + 1, writes: writes)
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

}

/// The device a user's console writes as: an ordinary device row and replica number,
/// labelled `browser console`, whose public key is random bytes nobody holds the
/// secret of, so it can never sync over the wire.
enum ConsoleDevice {
    static let label = "browser console"

    /// The replica number of `user`'s console device (made on first use).
    static func ensure(_ db: Database, for user: User, now: Date) throws -> UInt32 {
        if let number = try Int64.fetchOne(db, sql: "SELECT number FROM console_device WHERE user_id = ?", arguments: [user.id.sql]) {
            return UInt32(number)
        }
        let device = Device(userID: user.id, label: label, publicKey: try SecureRandom.bytes(32), enrolledAt: now)
        try device.insert(db)
        try db.execute(sql: "INSERT INTO sync_device (number, device_id) VALUES ((SELECT COALESCE(MAX(number), 0) + 1 FROM sync_device), ?)",
                       arguments: [device.id.sql])
        let number = db.lastInsertedRowID
        try db.execute(sql: "INSERT INTO console_device (user_id, number) VALUES (?, ?)", arguments: [user.id.sql, number])
        return UInt32(number)
    }
}
