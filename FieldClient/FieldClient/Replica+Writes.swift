import Foundation
import GRDB
public import MergeEngine
public import OutpostProtocol
public import OutpostReplication

extension Replica {
    /// Creates `record` offline; it reaches the server at the next sync.
    /// - Throws: `.invalid` if the kind is read-only on devices or the id exists.
    @discardableResult
    public func create(_ record: some ReplicatedRecord, at time: Date = Date()) throws(ReplicaError) -> Write {
        let kind = type(of: record).kind
        guard kind.isDeviceWritable else { throw ReplicaError(.invalid, "\(kind.name) records are read-only on devices") }
        return try issue(record.recordID, kind: kind, time: time) { existing in
            guard existing == nil else { throw ReplicaError(.invalid, "\(kind.name) \(record.recordID) already exists") }
            return .create(type: kind.typeID, fields: record.fields)
        }
    }

    /// Sets fields of a record offline. Setting a field that has a conflict resolves it.
    /// - Throws: `.notFound`, `.invalid` (read-only kind, deleted record, or a value the
    ///   record's rules refuse — nothing is written then).
    @discardableResult
    public func update(_ id: RecordID, fields: [FieldID: FieldValue], at time: Date = Date()) throws(ReplicaError) -> Write {
        guard !fields.isEmpty else { throw ReplicaError(.invalid, "name at least one field to change") }
        return try issue(id, kind: nil, time: time) { existing in
            guard let existing else { throw ReplicaError(.notFound, "no record \(id) in this replica") }
            guard !existing.view.isDeleted else { throw ReplicaError(.invalid, "\(existing.kind.name) \(id) is deleted") }
            return .update(fields: fields)
        }
    }

    /// Deletes a record offline.
    @discardableResult
    public func delete(_ id: RecordID, at time: Date = Date()) throws(ReplicaError) -> Write {
        try issue(id, kind: nil, time: time) { existing in
            guard let existing else { throw ReplicaError(.notFound, "no record \(id) in this replica") }
            guard !existing.view.isDeleted || existing.view.deleteConflict != nil else {
                throw ReplicaError(.invalid, "\(existing.kind.name) \(id) is already deleted")
            }
            return .delete
        }
    }

    /// Issues the next write of this device in one transaction: the write's context is
    /// the record's hub state as received, and the resulting record must still be valid.
    private func issue(_ id: RecordID, kind: ReplicatedKind?, time: Date,
                       _ operation: (LocalRecord?) throws -> WriteOperation) throws(ReplicaError) -> Write {
        try write { db in
            let existing = try local(db, id)
            let recordKind = kind ?? existing?.kind
            guard let recordKind, recordKind.isDeviceWritable else {
                throw ReplicaError(.invalid, "\(recordKind?.name ?? "this") record is read-only on devices; ask an admin to change it")
            }
            let op = try operation(existing)
            let counter = UInt64(try Int64.fetchOne(db, sql: "SELECT write_counter FROM identity") ?? 0) + 1
            let device = ReplicaID(UInt32(try Int64.fetchOne(db, sql: "SELECT device_number FROM identity") ?? 0))
            let base = try baseState(db, id)
            let write = Write(dot: Dot(replica: device, counter: counter), record: id, context: base?.context ?? VersionVector(),
                              operation: op, time: ValueCodec.wholeSeconds(WallClock(milliseconds: Int64(time.timeIntervalSince1970 * 1000))))
            if case .delete = op {} else {
                let after = RecordState.overlay(base, pending: (existing?.pending ?? []) + [write], device: device)
                let values = after?.view(policy: .updateWins).values ?? [:]
                do { _ = try recordKind.decode(recordID: id, fields: values) } catch {
                    throw ReplicaError(.invalid, "\(error); nothing was changed")
                }
            }
            try db.execute(sql: "UPDATE identity SET write_counter = ?", arguments: [Int64(counter)])
            try pendingStore.insert(db, write)
            return write
        }
    }

    /// Writes not yet processed by the server, oldest first.
    public func pendingWrites() throws(ReplicaError) -> [Write] {
        try read { db in try pendingStore.writes(db) }
    }

    /// Writes the server refused, with its reasons.
    public func rejectedWrites() throws(ReplicaError) -> [RejectedEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT counter, record, kind, code, message, rejected_at FROM rejected ORDER BY counter").map { row in
                let counter = UInt64(row[0] as Int64)
                let record = try RecordID(bytes: [UInt8](row[1] as Data))
                let kind: Int64 = row[2], code: Int64 = row[3], at: Int64 = row[5]
                let message = try cipher.openText(row[4], .rejected(.rejectedMessage, counter: counter, record: record,
                                                                    kind: kind, code: code, at: at))
                return RejectedEntry(counter: counter, record: record, kind: ReplicatedKind(rawValue: UInt16(clamping: kind)),
                                     code: Refusal.Code(rawValue: UInt8(clamping: code)) ?? .invalid,
                                     message: message, rejectedAt: Date(timeIntervalSince1970: Double(at) / 1000))
            }
        }
    }
}

/// A write the server refused, kept on the device.
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
}

