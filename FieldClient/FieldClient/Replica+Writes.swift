import Foundation
import GRDB
public import MergeEngine
import StateCoding
public import OutpostProtocol
public import OutpostReplication

/// One offline change to the replica; ``Replica/apply(_:at:)`` makes several at once.
public enum Edit: Sendable {
    /// Creates a record (its kind must be writable on devices and its id new).
    case create(any ReplicatedRecord)
    /// Sets fields of an existing, live record; setting a field that has a conflict resolves it.
    case update(RecordID, fields: [FieldID: FieldValue])
    /// Deletes a record.
    case delete(RecordID)
}

extension Replica {
    /// Creates `record` offline; it reaches the server at the next sync.
    /// - Throws: `.invalid` if the kind is read-only on devices or the id exists.
    @discardableResult
    public func create(_ record: some ReplicatedRecord, at time: Date = Date()) throws(ReplicaError) -> Write {
        try apply([.create(record)], at: time)[0]
    }

    /// Sets fields of a record offline. Setting a field that has a conflict resolves it.
    /// - Throws: `.notFound`, `.invalid` (read-only kind, deleted record, or a value the
    ///   record's rules refuse — nothing is written then).
    @discardableResult
    public func update(_ id: RecordID, fields: [FieldID: FieldValue], at time: Date = Date()) throws(ReplicaError) -> Write {
        try apply([.update(id, fields: fields)], at: time)[0]
    }

    /// Deletes a record offline.
    @discardableResult
    public func delete(_ id: RecordID, at time: Date = Date()) throws(ReplicaError) -> Write {
        try apply([.delete(id)], at: time)[0]
    }

    /// Makes `edits` in order, in one transaction: all of them become pending writes, or
    /// (when one is refused) none does. A lead's conversion, say, never half happens.
    @discardableResult
    public func apply(_ edits: [Edit], at time: Date = Date()) throws(ReplicaError) -> [Write] {
        try write { db in try edits.map { edit in try issue(db, edit, time: time) } }
    }

    /// Issues the next write of this device for `edit`: the write's context is the
    /// record's hub state as received, and the resulting record must still be valid.
    func issue(_ db: Database, _ edit: Edit, time: Date) throws -> Write {
        let id: RecordID
        let kind: ReplicatedKind?
        switch edit {
        case .create(let record):
            id = record.recordID
            kind = type(of: record).kind
        case .update(let record, _), .delete(let record):
            id = record
            kind = nil
        }
        let existing = try local(db, id)
        let recordKind = kind ?? existing?.kind
        guard let recordKind, recordKind.isDeviceWritable else {
            throw ReplicaError(.invalid, "\(recordKind?.name ?? "this") record is read-only on devices; ask an admin to change it")
        }
        let op = try Self.operation(edit, kind: recordKind, existing: existing)
        let identity = try DeviceIdentity.require(db, cipher: cipher)
        let counter = identity.writeCounter + 1
        let device = identity.replicaID
        let base = try baseState(db, id)
        let write = Write(dot: Dot(replica: device, counter: counter), record: id, context: base?.context ?? VersionVector(),
                          operation: op, time: WallClock(milliseconds: Int64(time.timeIntervalSince1970 * 1000)).wholeSecond)
        if case .delete = op {} else {
            let after = RecordState.overlay(base, pending: (existing?.pending ?? []) + [write], device: device)
            let values = after?.view(policy: .updateWins).values ?? [:]
            do { _ = try recordKind.decode(recordID: id, fields: values) } catch {
                throw ReplicaError(.invalid, "\(error); nothing was changed")
            }
        }
        _ = try DeviceIdentity.update(db, cipher: cipher) { $0.writeCounter = counter }
        try pendingStore.insert(db, write)
        return write
    }

    /// The write operation `edit` makes of a record whose local state is `existing`.
    private static func operation(_ edit: Edit, kind: ReplicatedKind, existing: LocalRecord?) throws(ReplicaError) -> WriteOperation {
        switch edit {
        case .create(let record):
            guard existing == nil else { throw ReplicaError(.invalid, "\(kind.name) \(record.recordID) already exists") }
            return .create(type: kind.typeID, fields: record.fields)
        case .update(let id, let fields):
            guard !fields.isEmpty else { throw ReplicaError(.invalid, "name at least one field to change") }
            guard let existing else { throw ReplicaError(.notFound, "no record \(id) in this replica") }
            guard !existing.view.isDeleted else { throw ReplicaError(.invalid, "\(existing.kind.name) \(id) is deleted") }
            return .update(fields: fields)
        case .delete(let id):
            guard let existing else { throw ReplicaError(.notFound, "no record \(id) in this replica") }
            guard !existing.view.isDeleted || existing.view.deleteConflict != nil else {
                throw ReplicaError(.invalid, "\(existing.kind.name) \(id) is already deleted")
            }
            return .delete
        }
    }

    /// Writes not yet processed by the server, oldest first.
    public func pendingWrites() throws(ReplicaError) -> [Write] {
        try read { db in try pendingStore.writes(db) }
    }

    /// Writes the server refused, with their reasons and full content, oldest first.
    public func rejectedWrites() throws(ReplicaError) -> [RejectedEntry] {
        try read { db in
            let device = try DeviceIdentity.require(db, cipher: cipher).replicaID
            return try Row.fetchAll(db, sql: """
                SELECT counter, record, kind, write, code, message, rejected_at, record_state FROM rejected ORDER BY counter
                """).map { row in
                let counter = UInt64(row[0] as Int64)
                let record = try RecordID(bytes: [UInt8](row[1] as Data))
                let kind: Int64 = row[2], code: Int64 = row[4], at: Int64 = row[6]
                func binding(_ column: SealBinding.Column) -> SealBinding {
                    .rejected(column, counter: counter, record: record, kind: kind, code: code, at: at)
                }
                let write = try PendingStore.decode(try cipher.open(row[3], binding(.rejectedWrite)), counter: counter, device: device)
                let replicatedKind = ReplicatedKind(rawValue: UInt16(clamping: kind))
                var seen: LocalRecord?
                if let sealed = row[7] as Data?, let replicatedKind {
                    let bytes = try cipher.open(sealed, binding(.rejectedRecord))
                    do { seen = LocalRecord(kind: replicatedKind, state: try RecordStateCodec.decode(bytes, id: record), pending: []) } catch {
                        throw ReplicaError(.corrupt, "refused change \(counter) is unreadable (\(error)); discard it with outpost rejected discard \(counter)")
                    }
                }
                return RejectedEntry(counter: counter, record: record, kind: replicatedKind,
                                     code: Refusal.Code(rawValue: UInt8(clamping: code)) ?? .invalid,
                                     message: try cipher.openText(row[5], binding(.rejectedMessage)),
                                     rejectedAt: Date(timeIntervalSince1970: Double(at) / 1000), write: write, seen: seen)
            }
        }
    }

    /// Deletes the refused write `counter` from this device for good.
    /// - Returns: what was deleted.
    /// - Throws: `.notFound` when there is no such refused write.
    @discardableResult
    public func discardRejected(_ counter: UInt64) throws(ReplicaError) -> RejectedEntry {
        guard let entry = try rejectedWrites().first(where: { $0.counter == counter }) else {
            throw ReplicaError(.notFound, "no refused change \(counter) on this device; see outpost rejected list")
        }
        try write { db in try db.execute(sql: "DELETE FROM rejected WHERE counter = ?", arguments: [Int64(counter)]) }
        return entry
    }
}

/// A write the server refused, kept on the device with everything it held until the
/// rep discards it.
public struct RejectedEntry: Sendable, Equatable {
    /// The write's device counter.
    public var counter: UInt64
    /// The record it targeted.
    public var record: RecordID
    /// The record's kind, if known.
    public var kind: ReplicatedKind?
    /// Why.
    public var code: Refusal.Code
    /// The server's explanation.
    public var message: String
    /// When the refusal arrived.
    public var rejectedAt: Date
    /// The refused write itself: its operation and every value it set.
    public var write: Write
    /// The record as this device saw it with the write applied, when the refusal
    /// arrived (kept even if the record has since left the replica); `nil` for a
    /// refusal kept by an older outpost.
    public var seen: LocalRecord?
}

