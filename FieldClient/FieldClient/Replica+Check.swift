public import Foundation
import GRDB
import MergeEngine
import StateCoding
import OutpostModel
import OutpostProtocol
import OutpostReplication

/// What ``Replica/check()`` found.
public struct ReplicaCheck: Sendable, Equatable, Codable {
    /// Record states that opened and decoded.
    public var records = 0
    /// Pending writes that opened and decoded.
    public var pending = 0
    /// Refused writes (bytes and message) that opened.
    public var rejected = 0
    /// Each thing found wrong, one sentence each: SQLite's integrity check, a sealed
    /// value that fails to open or decode, an identity that fails its seal.
    public var problems: [String] = []

    /// Whether nothing is wrong.
    public var isIntact: Bool { problems.isEmpty }
}

extension Replica {
    /// Checks the replica in `folder` without trusting its identity first (which
    /// every other command requires), so an altered identity is reported like any other
    /// problem. See ``check()``.
    /// - Throws: `.notEnrolled`, `.locked`, `.wrongKey`, or `.corrupt` when the file is
    ///   not a replica at all.
    public static func check(_ folder: URL, secret: () throws(ReplicaError) -> ReplicaSecret) throws(ReplicaError) -> ReplicaCheck {
        try unlocked(folder, secret: secret).check()
    }

    /// Runs SQLite's integrity check over the whole file (tables and indexes), checks the
    /// identity's seal, and opens and decodes every sealed value (each record state,
    /// each pending and refused write) against its row, using none of them, and checks
    /// each quarter's forecast total against the opportunities it counts.
    /// - Returns: the counts and every problem found; it stops at none.
    public func check() throws(ReplicaError) -> ReplicaCheck {
        try read { db in
            var check = ReplicaCheck()
            func note(_ what: @autoclosure () -> String, _ body: () throws -> Void) -> Bool {
                do {
                    try body()
                    return true
                } catch {
                    check.problems.append("\(what()): \((error as? ReplicaError)?.message ?? "\(error)")")
                    return false
                }
            }
            _ = note("SQLite's integrity check") {
                for message in try String.fetchAll(db, sql: "PRAGMA integrity_check") where message != "ok" {
                    check.problems.append("SQLite's integrity check: \(message)")
                }
            }
            _ = note("identity") { _ = try DeviceIdentity.require(db, cipher: cipher) }
            _ = note("records") {
                var groups = StateGroupReader()
                let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.stateColumns), summary, period FROM record")
                while let row = try rows.next() {
                    let id = try RecordID(bytes: [UInt8](row[0] as Data))
                    if note("record \(id)", {
                        let state = try openState(db, row, id, groups: &groups)
                        if let sealed = row[6] as Data? {
                            let summary = if sealed.isEmpty, let group = row[5] as Int64? {
                                try groups.member(db, cipher, group: group, id: id, kind: row[1], territory: row[3], parent: row[4]).summary
                            } else {
                                try cipher.open(sealed, .recordSummary(id, kind: row[1], territory: row[3], parent: row[4]))
                            }
                            guard summary == ForecastSummary.of(state) else {
                                throw ReplicaError(.corrupt, "its forecast summary disagrees with its state")
                            }
                        }
                        let period = try ForecastSummary.closeDay(of: row[6] == nil ? nil : state).map { day throws(ReplicaError) in
                            try ForecastSummary.periodIndex(ForecastPeriod.quarter(of: day), cipher: cipher)
                        }
                        guard row[7] as Data? == period else {
                            throw ReplicaError(.corrupt, "its close-quarter index was altered: a forecast would miss or misplace it")
                        }
                    }) { check.records += 1 }
                }
            }
            _ = note("groups of record states") {
                let orphans = try Int.fetchOne(db, sql: """
                    SELECT COUNT(*) FROM state_group WHERE id NOT IN (SELECT state_group FROM record WHERE state_group IS NOT NULL)
                    """) ?? 0
                if orphans > 0 {
                    check.problems.append("groups of record states: \(orphans) keep the states of no record in the replica")
                }
            }
            _ = note("forecast totals") {
                for row in try Row.fetchAll(db, sql: "SELECT period, quarter, total FROM forecast_total") {
                    let index: Data = row[0]
                    let text = try cipher.openText(row[1], .forecastTotal(.forecastQuarter, period: index))
                    _ = note("the forecast total of \(text)") {
                        let quarter = try ForecastPeriod(parsing: text)
                        guard try ForecastSummary.periodIndex(quarter, cipher: cipher) == index else {
                            throw ReplicaError(.corrupt, "it was moved to another quarter's row")
                        }
                        guard try storedTotal(db, index).map({ try $0 == computedTotal(db, quarter) }) ?? true else {
                            throw ReplicaError(.corrupt, "it disagrees with the opportunities it counts; a forecast would show wrong figures")
                        }
                    }
                }
            }
            _ = note("kept compiled product rules") {
                for row in try Row.fetchAll(db, sql: "SELECT product, bundle, root FROM configurator_root") {
                    let product = ProductID(try RecordID(bytes: [UInt8](row[0] as Data)))
                    _ = note("the kept compiled rules of product \(product)") {
                        let binding = SealBinding.configuratorRoot(product: product, bundleDigest: [UInt8](row[1] as Data))
                        _ = try CompiledProduct.decode(try cipher.open(row[2], binding), product: product)
                    }
                }
            }
            _ = note("evicted records awaiting their pending changes") {
                var groups = StateGroupReader()
                let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, state, territory, parent, NULL FROM departed")
                while let row = try rows.next() {
                    let id = try RecordID(bytes: [UInt8](row[0] as Data))
                    _ = note("evicted record \(id)") { _ = try openState(db, row, id, groups: &groups) }
                }
            }
            _ = note("pending changes") {
                let device = try DeviceIdentity.require(db, cipher: cipher).replicaID
                let rows = try Row.fetchCursor(db, sql: "SELECT counter, record, write FROM pending")
                while let row = try rows.next() {
                    let counter = UInt64(row[0] as Int64)
                    if note("pending change \(counter)", {
                        let record = try RecordID(bytes: [UInt8](row[1] as Data))
                        let bytes = try cipher.open(row[2], .pendingWrite(counter: counter, record: record))
                        _ = try PendingStore.decode(bytes, counter: counter, device: device)
                    }) { check.pending += 1 }
                }
            }
            _ = note("refused changes") {
                let rows = try Row.fetchCursor(db, sql: "SELECT counter, record, kind, write, code, message, rejected_at, record_state FROM rejected")
                while let row = try rows.next() {
                    let counter = UInt64(row[0] as Int64)
                    if note("refused change \(counter)", {
                        let record = try RecordID(bytes: [UInt8](row[1] as Data))
                        for (index, column) in [(3, SealBinding.Column.rejectedWrite), (5, .rejectedMessage), (7, .rejectedRecord)]
                        where row[index] as Data? != nil {
                            _ = try cipher.open(row[index], .rejected(column, counter: counter, record: record, kind: row[2], code: row[4], at: row[6]))
                        }
                    }) { check.rejected += 1 }
                }
            }
            return check
        }
    }
}
