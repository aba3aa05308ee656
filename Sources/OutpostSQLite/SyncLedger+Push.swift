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
            if try DeviceRetirement.completes(db, device: device.device.id, writes: writes, now: now) { return nil }
            let scope = try ScopeQuery.territories(db, of: device.user.id)
            let version = try ScopeVersions.current(db, device: number, territories: scope)
            var push = PushProcessor(db: db, device: number, user: device.user, deviceID: device.device.id, scope: scope,
                                     time: WallClock(date: now))
            try push.apply(writes)
            // A disabled user's device uploads what it sent, then is told to wipe like a revoked one.
            if try UserStatus.isDisabled(db, device.user.id) { return nil }
            var scopes = [version: scope]
            for wanted in versions where scopes[wanted] == nil { scopes[wanted] = try ScopeVersions.territories(db, device: number, version: wanted) }
            return PushReport(outcome: try push.outcome(firstPending: writes.first?.dot.counter), scopeVersion: version,
                              scopes: scopes, kindsEverywhere: device.user.role.kindsFromEveryTerritory,
                              accepted: push.accepted, refused: push.refused)
        }
        guard let report else { throw PushRefusal.revoked }
        return report
    }
}

/// Applies one request's writes inside the transaction (see ``SQLiteStore/processPush``).
struct PushProcessor {
    let db: Database
    let device: UInt32
    /// The device's user: its role decides what it may do beyond its territories.
    let user: User
    let deviceID: DeviceID
    let scope: Set<TerritoryID>
    let time: WallClock
    private(set) var accepted = 0
    private(set) var refused = 0

    init(db: Database, device: UInt32, user: User, deviceID: DeviceID, scope: Set<TerritoryID>, time: WallClock) {
        self.db = db
        self.device = device
        self.user = user
        self.deviceID = deviceID
        self.scope = scope
        self.time = time
    }

    /// A refusal of one write: its code and a reason for the device.
    struct Refused: Error {
        let code: Refusal.Code
        let message: String

        init(_ code: Refusal.Code, _ message: String) {
            self.code = code
            self.message = message
        }
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
                switch try decide(write, sequence: &sequence) {
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

    /// Accepts `write` at the next `sequence` value if it is in scope (or of a kind the
    /// user's role reaches everywhere), writable and leaves a valid record, and, for
    /// an order, if `OrderLedger` allows it. An account that moves to another
    /// territory takes its contacts, opportunities and activities along (each at a new
    /// sequence value), so they stop reaching the old territory's devices and reach the
    /// new one's; a `record_departure` row tells the old territory's devices to evict it.
    private func decide(_ write: Write, sequence: inout ChangeSequence) throws -> Decision {
        let seq = sequence.next()
        // A context is what the device received from the hub: hub dots the hub has
        // handed out. A forged one (a future counter, another replica) could make a
        // delete claim to have seen writes made after it.
        guard write.context.entries.allSatisfy({ $0.replica == HubReplica.id && $0.counter < UInt64(seq) }) else {
            return .refused(.invalid, "write \(write.dot.counter) claims to have seen changes the server never made; "
                + "its context names \(write.context.entries.map { "(\($0.replica.rawValue), \($0.counter))" }.joined(separator: ", "))")
        }
        let existing = try ReplicaTable.load(db, write.record)
        let typeID: RecordTypeID
        if let existing {
            typeID = existing.state.type
            if case .create(let type, _) = write.operation, type != typeID {
                return .refused(.idTaken, "record \(write.record) already exists with another type; create it under a new id")
            }
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
        if kind == .forecastAdjustment || kind == .quota, user.role != .manager && user.role != .admin {
            return .refused(.readOnly, "only a manager adjusts forecasts and sets quotas; a \(user.role.rawValue)'s device submits forecasts only")
        }
        let everywhere = existing != nil && user.role.kindsFromEveryTerritory.contains(kind)
        if let existing, let territory = existing.territory, !scope.contains(territory), !everywhere {
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
        guard let territory, scope.contains(territory) || everywhere else {
            return .refused(.outOfScope, "\(kind.name) \(write.record) would belong to a territory outside this device's scope")
        }
        var orderChange = OrderLedger.Change.none
        if let order = record as? Order {
            var before: Order?
            if let existing {
                guard let old = try? Order(recordID: write.record, fields: existing.state.view(policy: .updateWins).values) else {
                    return .refused(.invalid, "order \(write.record) is unreadable on the server; ask an admin to check it")
                }
                before = old
            }
            switch try OrderLedger.review(db, before: before, after: order, deleted: view.isDeleted, role: user.role) {
            case .success(let change): orderChange = change
            case .failure(let refusal): return .refused(refusal.code, refusal.message)
            }
        }
        if let quote = record as? Quote, let refusal = QuoteLedger.review(
            before: existing.flatMap { try? Quote(recordID: write.record, fields: $0.state.view(policy: .updateWins).values) },
            after: quote) {
            return .refused(refusal.code, refusal.message)
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
        if let order = record as? Order {
            try OrderLedger.record(db, orderChange, order: order, device: deviceID, seq: seq, followUp: { sequence.next() }, time: time)
        }
        if let quote = record as? Quote, !view.isDeleted {
            try QuoteLedger.number(db, quote, followUp: { sequence.next() }, time: time)
        }
        if kind == .account, let moved = existing?.territory, moved != territory {
            try ReplicaTable.reroute(childrenOf: AccountID(write.record), to: territory, db, sequence: &sequence)
            try db.execute(sql: "INSERT INTO record_departure (seq, record, territory) VALUES (?, ?, ?)",
                           arguments: [seq, Data(write.record.bytes), Data(RecordID(moved).bytes)])
        }
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
