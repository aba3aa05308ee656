public import Foundation
import GRDB
public import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostStore

extension SQLiteStore {
    /// Processes one authenticated sync request in a single transaction: checks the
    /// request counter (replays are refused), records the device's current scope as a
    /// new version if it changed, applies each new write exactly once and in order
    /// (accepting or refusing it with a reason), and gathers every outcome the device
    /// has not yet taken in. A crash at any point leaves all of it or none of it.
    ///
    /// - Parameters:
    ///   - versions: scope versions whose territories the caller needs (the device's
    ///     cursor and backfill target).
    /// - Throws: ``PushRefusal`` when nothing may be applied, `StoreError` on failure.
    public func processPush(device number: UInt32, counter: UInt64, writes: [Write], versions: [UInt64], now: Date)
        async throws -> PushReport {
        let report: PushReport? = try await writer.write { db in
            guard let device = try SyncDevice.fetch(db, number: number) else { throw PushRefusal.unknownDevice }
            guard counter > device.lastCounter else { throw PushRefusal.replayed(last: device.lastCounter) }
            try db.execute(sql: "UPDATE sync_device SET last_counter = ? WHERE number = ?", arguments: [Int64(counter), Int64(number)])
            try db.execute(sql: "UPDATE device SET last_sync_at = ? WHERE id = ?", arguments: [now.sqlMilliseconds, device.device.id.sql])
            if device.device.isRevoked { return nil }
            let scope = try ScopeQuery.territories(db, of: device.user.id)
            let version = try ScopeVersions.current(db, device: number, territories: scope)
            var push = PushProcessor(db: db, device: number, role: device.user.role, scope: scope, time: WallClock(date: now))
            try push.apply(writes)
            var scopes = [version: scope]
            for wanted in versions where scopes[wanted] == nil { scopes[wanted] = try ScopeVersions.territories(db, device: number, version: wanted) }
            return PushReport(outcome: try push.outcome(firstPending: writes.first?.dot.counter), scopeVersion: version,
                              scopes: scopes, accepted: push.accepted, refused: push.refused)
        }
        guard let report else { throw PushRefusal.revoked }
        return report
    }
}

/// Applies one request's writes inside the transaction (see ``SQLiteStore/processPush``).
struct PushProcessor {
    let db: Database
    let device: UInt32
    /// The role of the device's user: only managers and admins adjust forecasts and set quotas.
    let role: Role
    let scope: Set<TerritoryID>
    let time: WallClock
    private(set) var accepted = 0
    private(set) var refused = 0

    init(db: Database, device: UInt32, role: Role, scope: Set<TerritoryID>, time: WallClock) {
        self.db = db
        self.device = device
        self.role = role
        self.scope = scope
        self.time = time
    }

    /// Applies each write not yet processed, in counter order, stopping at a gap.
    mutating func apply(_ writes: [Write]) throws {
        var appliedThrough = try UInt64(Int64.fetchOne(db, sql: "SELECT applied_through FROM sync_device WHERE number = ?",
                                                       arguments: [Int64(device)]) ?? 0)
        try ChangeSequence.use(db) { sequence in
            for write in writes.sorted(by: { $0.dot.counter < $1.dot.counter }) {
                let n = write.dot.counter
                if n <= appliedThrough { continue }
                if n > appliedThrough + 1 { break }
                appliedThrough = n
                switch try decide(write, seq: sequence.next()) {
                case .accepted(let seq):
                    accepted += 1
                    try record(counter: n, stamp: seq, refusal: nil)
                case .refused(let code, let message):
                    refused += 1
                    try record(counter: n, stamp: nil, refusal: (code, message))
                }
            }
        }
        try db.execute(sql: "UPDATE sync_device SET applied_through = ? WHERE number = ?",
                       arguments: [Int64(appliedThrough), Int64(device)])
    }

    /// Every outcome the device has not taken in yet. A device keeps each write
    /// pending until it has its outcome, so outcomes below its oldest pending write
    /// (all of them, when nothing is pending) are known to it and are dropped.
    func outcome(firstPending: UInt64?) throws -> SyncResponseFrame.Outcome {
        try db.execute(sql: "DELETE FROM sync_outcome WHERE device = ? AND counter < ?",
                       arguments: [Int64(device), Int64(clamping: firstPending ?? UInt64(Int64.max))])
        let appliedThrough = try Int64.fetchOne(db, sql: "SELECT applied_through FROM sync_device WHERE number = ?",
                                                arguments: [Int64(device)]) ?? 0
        var outcome = SyncResponseFrame.Outcome(appliedThrough: UInt64(appliedThrough))
        let rows = try Row.fetchAll(db, sql: """
            SELECT counter, stamp, refusal_code, refusal_message FROM sync_outcome WHERE device = ? ORDER BY counter
            """, arguments: [Int64(device)])
        for row in rows {
            let counter = UInt64(row[0] as Int64)
            if let stamp = row[1] as Int64? {
                outcome.acks.append(.init(counter: counter, stamp: UInt64(stamp)))
            } else {
                let code = Refusal.Code(rawValue: UInt8(clamping: row[2] as Int64)) ?? .invalid
                outcome.refusals.append(Refusal(counter: counter, code: code, message: row[3]))
            }
        }
        return outcome
    }

    private func record(counter: UInt64, stamp: Int64?, refusal: (Refusal.Code, String)?) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO sync_outcome (device, counter, stamp, refusal_code, refusal_message) VALUES (?, ?, ?, ?, ?)",
                       arguments: [Int64(device), Int64(counter), stamp, refusal.map { Int64($0.0.rawValue) }, refusal?.1])
    }

    private enum Decision {
        case accepted(seq: Int64)
        case refused(Refusal.Code, String)
    }

    /// Accepts `write` at `seq` if it is in scope, writable and leaves a valid record.
    private func decide(_ write: Write, seq: Int64) throws -> Decision {
        let existing = try ReplicaTable.load(db, write.record)
        let typeID: RecordTypeID
        if let existing {
            typeID = existing.state.type
        } else if case .create(let type, _) = write.operation {
            typeID = type
        } else {
            return .refused(.unknownRecord, "record \(write.record) is unknown to the server; it may never have synced or was removed")
        }
        guard let kind = ReplicatedKind(typeID: typeID) else {
            return .refused(.invalid, "record type \(typeID.rawValue) is unknown to this server; update the server")
        }
        guard kind.isDeviceWritable else {
            return .refused(.readOnly, "\(kind.name) records are read-only on devices; ask an admin to change them")
        }
        if kind == .forecastAdjustment || kind == .quota, role != .manager && role != .admin {
            return .refused(.readOnly, "only a manager adjusts forecasts and sets quotas; a \(role.rawValue)'s device submits forecasts only")
        }
        if let existing, let territory = existing.territory, !scope.contains(territory) {
            return .refused(.outOfScope, "\(kind.name) \(write.record) belongs to a territory outside this device's scope")
        }
        var state = existing?.state ?? RecordState(id: write.record, type: typeID)
        let stamp = Dot(replica: HubReplica.id, counter: UInt64(seq))
        state.apply(write, stamp: stamp)
        let view = state.view(policy: .updateWins)
        let record: any ReplicatedRecord
        do { record = try kind.decode(recordID: write.record, fields: view.values) } catch {
            return .refused(.invalid, error.description)
        }
        let territory: TerritoryID?
        do { territory = try ReplicaTable.territory(of: record.route, db) } catch let error as StoreError {
            return .refused(.invalid, "\(kind.name) \(write.record) refers to a record the server does not have: \(error.message)")
        }
        guard let territory, scope.contains(territory) else {
            return .refused(.outOfScope, "\(kind.name) \(write.record) would belong to a territory outside this device's scope")
        }
        do {
            try db.inSavepoint {
                try Projection.apply(db, record, deleted: view.isDeleted, seq: seq)
                return .commit
            }
        } catch let error as StoreError {
            return .refused(.invalid, error.message)
        }
        try ReplicaTable.save(db, StoredReplica(state: state, territory: territory, seq: seq), kind: kind)
        return .accepted(seq: seq)
    }
}

/// The history of each device's scope: a new version whenever its territories change.
enum ScopeVersions {
    /// The current version for `territories`, adding a version if they changed.
    static func current(_ db: Database, device: UInt32, territories: Set<TerritoryID>) throws -> UInt64 {
        let encoded = Data(territories.map { RecordID($0) }.sorted().flatMap(\.bytes))
        let latest = try Row.fetchOne(db, sql: "SELECT version, territories FROM sync_scope WHERE device = ? ORDER BY version DESC LIMIT 1",
                                      arguments: [Int64(device)])
        if let latest, (latest[1] as Data) == encoded { return UInt64(latest[0] as Int64) }
        let version = (latest.map { $0[0] as Int64 } ?? 0) + 1
        try db.execute(sql: "INSERT INTO sync_scope (device, version, territories) VALUES (?, ?, ?)",
                       arguments: [Int64(device), version, encoded])
        return UInt64(version)
    }

    /// The territories of `version` (version 0 is the empty scope of a new device).
    static func territories(_ db: Database, device: UInt32, version: UInt64) throws -> Set<TerritoryID> {
        guard version > 0, let data = try Data.fetchOne(db, sql: "SELECT territories FROM sync_scope WHERE device = ? AND version = ?",
                                                        arguments: [Int64(device), Int64(clamping: version)]) else { return [] }
        let bytes = [UInt8](data)
        return Set(stride(from: 0, to: bytes.count - 15, by: 16).compactMap { offset in
            (try? RecordID(bytes: bytes[offset..<offset + 16])).map(TerritoryID.init)
        })
    }
}
