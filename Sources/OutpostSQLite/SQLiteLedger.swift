public import Foundation
import GRDB
public import HubCore
public import MergeEngine
public import OrderIntake
public import OutpostModel
public import OutpostReplication
import OutpostStore

extension SQLiteStore: SyncLedger {
    /// Runs `body` in one write transaction; a database failure becomes a `StoreError`,
    /// any other error (the hub's refusals) passes through, and either rolls it all back.
    /// Concurrent requests' transactions share one commit (``GroupCommit``); each returns
    /// only once that commit is durable.
    public func transaction<T: Sendable>(_ body: @Sendable (SQLiteLedgerTransaction) throws -> T) async throws -> T {
        do {
            return try await withoutActuallyEscaping(body) { body in
                let states = decodedStates
                return try await groupCommit.run { db in try body(SQLiteLedgerTransaction(db: db, decodedStates: states)) }
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, doing: "applying a sync request")
        }
    }

    /// Runs `body` on a read snapshot, on the calling thread (``readHere(_:)``).
    public func snapshot<T: Sendable>(_ body: @Sendable (SQLiteLedgerTransaction) throws -> T) async throws -> T {
        do {
            return try readHere(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, doing: "reading records to sync")
        }
    }

    /// Runs `body` on a read snapshot without leaving the calling thread: a pooled
    /// reader connection's queue runs it in place when it is free. The hub's reads are
    /// short (one device, or one page of at most a batch of records) and, in WAL mode,
    /// never wait for the writer; running them here instead of hopping to a reader
    /// thread and back saves two thread switches per read (no-op syncs per second of
    /// server CPU × 1.3 with `sync-load`, Benchmarks/README.md). A synchronous function of
    /// its own, so that `read` is GRDB's blocking one, not its `async` overload.
    private func readHere<T>(_ body: (SQLiteLedgerTransaction) throws -> T) throws -> T {
        try writer.read { db in try body(SQLiteLedgerTransaction(db: db, decodedStates: decodedStates)) }
    }
}

/// The hub's ledger in SQLite: one GRDB transaction, SQL only.
public struct SQLiteLedgerTransaction: LedgerTransaction {
    let db: Database
    /// The store's cache of decoded delivery states (``DecodedStates``); nil outside the
    /// hub's own transactions, which then decode every state they read.
    var decodedStates: DecodedStates? = nil

    // MARK: Devices and scopes

    public func device(number: UInt32) throws -> EnrolledDevice? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT device_id, last_counter, applied_through FROM sync_device WHERE number = ?"),
                                         arguments: [Int64(number)]) else { return nil }
        let deviceID: String = row[0]
        guard let deviceRow = try Row.fetchOne(db.cachedStatement(sql: Device.selectSQL + " WHERE id = ?"), arguments: [deviceID]) else {
            return nil
        }
        let device = try Device(row: deviceRow)
        guard let user = try User.fetch(db, id: device.userID) else { return nil }
        return EnrolledDevice(number: number, device: device, user: user, lastCounter: UInt64(row[1] as Int64),
                              appliedThrough: UInt64(row[2] as Int64))
    }

    public func territories(assignedTo user: UserID, withSubtrees: Bool) throws -> Set<TerritoryID> {
        var result: Set<TerritoryID> = []
        for text in try String.fetchAll(db.cachedStatement(sql: ScopeQuery.territoryIDsSQL), arguments: [user.sql, withSubtrees]) {
            result.insert(try TerritoryID.decode(text, "user_territory", "territory_id"))
        }
        return result
    }

    public func latestScope(device: UInt32) throws -> ScopeVersion? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT version, territories FROM sync_scope WHERE device = ? ORDER BY version DESC LIMIT 1"),
                         arguments: [Int64(device)])
            .map { ScopeVersion(version: UInt64($0[0] as Int64), territories: ScopeVersion.territories(packed: $0[1])) }
    }

    public func scope(device: UInt32, version: UInt64) throws -> Set<TerritoryID>? {
        try Data.fetchOne(db.cachedStatement(sql: "SELECT territories FROM sync_scope WHERE device = ? AND version = ?"),
                          arguments: [Int64(device), Int64(clamping: version)]).map(ScopeVersion.territories(packed:))
    }

    public func advanceCounter(device: UInt32, to counter: UInt64, at now: Date) throws -> Bool {
        try db.cachedStatement(sql: "UPDATE sync_device SET last_counter = ? WHERE number = ? AND last_counter < ?").execute(
                       arguments: [Int64(clamping: counter), Int64(device), Int64(clamping: counter)])
        guard db.changesCount > 0 else { return false }
        try db.cachedStatement(sql: "UPDATE device SET last_sync_at = ? WHERE id = (SELECT device_id FROM sync_device WHERE number = ?)").execute(
                       arguments: [now.sqlMilliseconds, Int64(device)])
        return true
    }

    public func setAppliedThrough(_ counter: UInt64, device: UInt32) throws {
        try db.cachedStatement(sql: "UPDATE sync_device SET applied_through = ? WHERE number = ?").execute(arguments: [Int64(clamping: counter), Int64(device)])
    }

    public func addScope(_ scope: ScopeVersion, device: UInt32) throws {
        let packed = scope.packedTerritories
        try db.execute(sql: "INSERT INTO sync_scope (device, version, territories) VALUES (?, ?, ?)",
                       arguments: [Int64(device), Int64(clamping: scope.version), packed])
    }

    // MARK: Outcomes

    public func outcomes(device: UInt32) throws -> [WriteOutcome] {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT counter, stamp, refusal_code, refusal_message, identity FROM sync_outcome WHERE device = ? ORDER BY counter
            """), arguments: [Int64(device)])
        return rows.map { row in
            let counter = UInt64(row[0] as Int64)
            let identity = (row[4] as Data?).map { WriteIdentity(digest: [UInt8]($0)) }
            if let stamp = row[1] as Int64? { return WriteOutcome(counter: counter, result: .accepted(stamp: UInt64(stamp)), identity: identity) }
            let code = RefusalCode(rawValue: UInt8(clamping: row[2] as Int64)) ?? .invalid
            return WriteOutcome(counter: counter, result: .refused(code, row[3]), identity: identity)
        }
    }

    public func saveOutcome(_ outcome: WriteOutcome, device: UInt32) throws {
        let stamp: Int64?, code: Int64?, message: String?
        switch outcome.result {
        case .accepted(let seq): (stamp, code, message) = (Int64(clamping: seq), nil, nil)
        case .refused(let refusal, let text): (stamp, code, message) = (nil, Int64(refusal.rawValue), text)
        }
        try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO sync_outcome (device, counter, stamp, refusal_code, refusal_message, identity) VALUES (?, ?, ?, ?, ?, ?)
            """).execute(arguments: [Int64(device), Int64(clamping: outcome.counter), stamp, code, message, outcome.identity.map { Data($0.digest) }])
    }

    public func dropOutcomes(device: UInt32, below counter: UInt64) throws {
        try db.cachedStatement(sql: "DELETE FROM sync_outcome WHERE device = ? AND counter < ?").execute(
                       arguments: [Int64(device), Int64(clamping: counter)])
    }

    // MARK: Records

    public func currentSequence() throws -> UInt64 { UInt64(try ChangeSequence.current(db)) }

    public func nextSequence() throws -> UInt64 {
        guard let value = try Int64.fetchOne(db.cachedStatement(sql: "UPDATE change_sequence SET value = value + 1 WHERE id = 1 RETURNING value")) else {
            throw StoreError(.database, "the change sequence row is missing; restore a backup")
        }
        return UInt64(value)
    }

    public func record(_ id: RecordID) throws -> StoredRecord? { try ReplicaTable.load(db, id) }

    public func save(_ record: StoredRecord) throws { try ReplicaTable.save(db, record) }

    public func placement(of id: RecordID) throws -> RecordPlacement {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT territory FROM replica_record WHERE id = ?"),
                                         arguments: [Data(id.bytes)]) else { return .unknown }
        return try (row[0] as Data?).map { .territory(try ReplicaTable.territoryID($0)) } ?? .global
    }

    public func records(_ selection: RecordSelection, after: UInt64, through: UInt64?, limit: Int) throws -> [StoredRecord] {
        guard let query = DeliveryPageQuery(selection, after: after, through: through, limit: limit) else { return [] }
        var records: [StoredRecord] = []
        // Cached by its text: one statement per number of territories in a scope.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: query.sql), arguments: query.arguments)
        // A backfill (`through` its watermark: a bootstrap, a new territory) reads each record
        // once for its device, so keeping what it decodes only costs: the World manager's
        // bootstrap took 11–17% more server CPU through the cache.
        let states = through == nil ? decodedStates : nil
        while let row = try rows.next() { records.append(try ReplicaTable.record(row, states: states)) }
        return records
    }

    public func reroute(_ id: RecordID, to territory: TerritoryID, seq: UInt64) throws {
        try db.cachedStatement(sql: "UPDATE replica_record SET territory = ?, seq = ? WHERE id = ?")
            .execute(arguments: [Data(RecordID(territory).bytes), Int64(clamping: seq), Data(id.bytes)])
    }

    public func addDeparture(_ record: RecordID, from territory: TerritoryID, seq: UInt64) throws {
        try db.execute(sql: "INSERT INTO record_departure (seq, record, territory) VALUES (?, ?, ?)",
                       arguments: [Int64(clamping: seq), Data(record.bytes), Data(RecordID(territory).bytes)])
    }

    public func departures(leaving territories: Set<TerritoryID>, after: UInt64, through: UInt64) throws -> [RecordID] {
        guard !territories.isEmpty, through > after else { return [] }
        let scope = territories.map { Data(RecordID($0).bytes) }
        let marks = Array(repeating: "?", count: scope.count).joined(separator: ",")
        let sql = """
            SELECT DISTINCT d.record FROM record_departure d JOIN replica_record r ON r.id = d.record
            WHERE d.seq > ? AND d.seq <= ? AND d.territory IN (\(marks))
                AND (r.territory IS NULL OR r.territory NOT IN (\(marks)))
            """
        let arguments: [(any DatabaseValueConvertible)?] = [Int64(clamping: after), Int64(clamping: through)] + scope + scope
        return try Data.fetchAll(db.cachedStatement(sql: sql), arguments: StatementArguments(arguments)).map { try RecordID(bytes: [UInt8]($0)) }
    }

    public func children(of parent: RecordID) throws -> [RecordID] {
        try Data.fetchAll(db.cachedStatement(sql: "SELECT id FROM replica_record WHERE parent = ? ORDER BY id"),
                          arguments: [Data(parent.bytes)]).map { try RecordID(bytes: [UInt8]($0)) }
    }

    public func project(_ record: any ReplicatedRecord, deleted: Bool, seq: UInt64) throws {
        do {
            try db.inSavepoint {
                try Projection.apply(db, record, deleted: deleted, seq: Int64(clamping: seq))
                return .commit
            }
        } catch let error as StoreError {
            throw LedgerRefusal(error.message)
        }
    }

    // MARK: Orders

    public func orderNumber(quote: EntityID<Quote>, hash: String) throws -> Int? {
        try OrderLedger.number(db, quote: quote, hash: hash)
    }

    public func lastOrderNumber() throws -> Int { try OrderLedger.lastNumber(db) }

    public func intakeCatalog(for quote: Quote?) throws -> IntakeCatalog { try OrderLedger.catalog(db, for: quote) }

    public func recordOrderIntake(_ order: Order, number: Int, total: Money, placedBy device: DeviceID, seq: UInt64,
                                  at time: WallClock) throws {
        try OrderLedger.recordIntake(db, order, number: number, total: total, placedBy: device, seq: Int64(clamping: seq), at: time)
    }

    public func recordOrderStatus(_ order: Order, seq: UInt64) throws {
        try OrderLedger.recordStatus(db, order, seq: Int64(clamping: seq))
    }

    public func appendOrderEvent(_ order: Order, at time: WallClock) throws {
        try OrderLedger.appendEvent(db, order, at: time)
    }

    public func orderStatus(_ id: EntityID<Order>) throws -> OrderStatus? { try OrderLedger.status(db, of: id) }

    // MARK: Quotes

    public func quoteNumber(_ id: EntityID<Quote>) throws -> Int? { try QuoteLedger.number(db, of: id) }

    public func lastQuoteNumber() throws -> Int { try QuoteLedger.lastNumber(db) }

    public func recordQuoteNumber(_ id: EntityID<Quote>, number: Int) throws { try QuoteLedger.record(db, id, number: number) }

    // MARK: Users and device states

    public func user(_ id: UserID) throws -> User? { try User.fetch(db, id: id) }

    public func isDisabled(user: UserID) throws -> Bool { try UserStatus.isDisabled(db, user) }

    public func isRetiring(device: DeviceID) throws -> Bool {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT retiring_since FROM device WHERE id = ?"), arguments: [device.sql]) != nil
    }

    public func markRevoked(device: DeviceID, at now: Date) throws {
        try db.execute(sql: "UPDATE device SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [now.sqlMilliseconds, device.sql])
    }
}
