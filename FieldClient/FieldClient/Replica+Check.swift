import Foundation
import GRDB
import MergeEngine

/// What ``Replica/check()`` opened.
public struct ReplicaCheck: Sendable, Equatable, Codable {
    /// Record states opened.
    public var records = 0
    /// Pending writes opened.
    public var pending = 0
    /// Refused writes (bytes and message) opened.
    public var rejected = 0
}

extension Replica {
    /// Opens every sealed value of the replica (the identity, each record state, each
    /// pending and refused write) against its row, without using any.
    /// - Returns: how many were opened.
    /// - Throws: `.corrupt` naming the first value that fails its integrity check.
    public func check() throws(ReplicaError) -> ReplicaCheck {
        try read { db in
            var check = ReplicaCheck()
            _ = try DeviceIdentity.fetch(db, cipher: cipher)
            let records = try Row.fetchCursor(db, sql: "SELECT id, kind, state, territory, parent FROM record")
            while let row = try records.next() {
                let id = try RecordID(bytes: [UInt8](row[0] as Data))
                _ = try cipher.open(row[2], .recordState(id, kind: row[1], territory: row[3], parent: row[4]))
                check.records += 1
            }
            check.pending = try pendingStore.writes(db).count
            let rejected = try Row.fetchCursor(db, sql: "SELECT counter, record, kind, write, code, message, rejected_at FROM rejected")
            while let row = try rejected.next() {
                let counter = UInt64(row[0] as Int64)
                let record = try RecordID(bytes: [UInt8](row[1] as Data))
                for (index, column) in [(3, SealBinding.Column.rejectedWrite), (5, .rejectedMessage)] {
                    _ = try cipher.open(row[index], .rejected(column, counter: counter, record: record, kind: row[2], code: row[4], at: row[6]))
                }
                check.rejected += 1
            }
            return check
        }
    }
}
