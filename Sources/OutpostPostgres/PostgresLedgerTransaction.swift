public import Foundation
public import HubCore
public import MergeEngine
import NIOCore
public import OutpostModel
public import OutpostReplication
import OutpostStore
import PostgresNIO

/// The hub's ledger in PostgreSQL: one transaction on one connection (``PostgresLedger``),
/// SQL with bound values only. Storage only: every rule is `HubCore`'s. Mirrors
/// `SQLiteLedgerTransaction` table for table.
public struct PostgresLedgerTransaction: LedgerTransaction, Sendable {
    let connection: BlockingConnection

    init(_ connection: BlockingConnection) { self.connection = connection }

    // MARK: Devices and scopes

    public func device(number: UInt32) throws -> EnrolledDevice? {
        guard let row = try connection.rows("""
            SELECT d.id, d.user_id, d.label, d.public_key, d.enrolled_at, d.last_sync_at, d.revoked_at,
                   s.last_counter, s.applied_through
            FROM sync_device s JOIN device d ON d.id = s.device_id WHERE s.number = \(Int64(number))
            """).first else { return nil }
        let (id, userID, label, key, enrolled, lastSync, revoked, lastCounter, appliedThrough)
            = try row.decode((UUID, UUID, String, Data?, Date?, Date?, Date?, Int64, Int64).self)
        guard let user = try user(UserID(userID)) else { return nil }
        let device = Device(id: DeviceID(id), userID: UserID(userID), label: label, publicKey: key.map { [UInt8]($0) },
                            enrolledAt: enrolled?.millisecondAligned, lastSyncAt: lastSync?.millisecondAligned,
                            revokedAt: revoked?.millisecondAligned)
        return EnrolledDevice(number: number, device: device, user: user, lastCounter: UInt64(lastCounter),
                              appliedThrough: UInt64(appliedThrough))
    }

    public func territories(assignedTo user: UserID, withSubtrees: Bool) throws -> Set<TerritoryID> {
        Set(try connection.column(UUID.self, """
            WITH RECURSIVE scope(id) AS (
                SELECT territory_id FROM user_territory WHERE user_id = \(user.uuid)
                UNION
                SELECT territory.id FROM territory JOIN scope ON territory.parent_id = scope.id WHERE \(withSubtrees)::boolean
            ) SELECT id FROM scope
            """).map { TerritoryID($0) })
    }

    public func latestScope(device: UInt32) throws -> ScopeVersion? {
        try connection.rows("""
            SELECT version, territories FROM sync_scope WHERE device = \(Int64(device)) ORDER BY version DESC LIMIT 1
            """).first.map { row in
            let (version, packed) = try row.decode((Int64, Data).self)
            return ScopeVersion(version: UInt64(version), territories: ScopeVersion.territories(packed: packed))
        }
    }

    public func scope(device: UInt32, version: UInt64) throws -> Set<TerritoryID>? {
        try connection.value(Data.self, """
            SELECT territories FROM sync_scope WHERE device = \(Int64(device)) AND version = \(Int64(clamping: version))
            """).map(ScopeVersion.territories(packed:))
    }

    public func advanceCounter(device: UInt32, to counter: UInt64, at now: Date) throws -> Bool {
        let counter = Int64(clamping: counter)
        guard try connection.run("""
            UPDATE sync_device SET last_counter = \(counter) WHERE number = \(Int64(device)) AND last_counter < \(counter)
            """) > 0 else { return false }
        try connection.run("""
            UPDATE device SET last_sync_at = \(now.millisecondAligned)
            WHERE id = (SELECT device_id FROM sync_device WHERE number = \(Int64(device)))
            """)
        return true
    }

    public func setAppliedThrough(_ counter: UInt64, device: UInt32) throws {
        try connection.run("UPDATE sync_device SET applied_through = \(Int64(clamping: counter)) WHERE number = \(Int64(device))")
    }

    public func addScope(_ scope: ScopeVersion, device: UInt32) throws {
        let packed = scope.packedTerritories
        try connection.run("""
            INSERT INTO sync_scope (device, version, territories) VALUES (\(Int64(device)), \(Int64(clamping: scope.version)), \(packed))
            """)
    }

    // MARK: Outcomes

    public func outcomes(device: UInt32) throws -> [WriteOutcome] {
        try connection.rows("""
            SELECT counter, stamp, refusal_code, refusal_message, identity FROM sync_outcome WHERE device = \(Int64(device)) ORDER BY counter
            """).map { row in
            let (counter, stamp, code, message, digest) = try row.decode((Int64, Int64?, Int64?, String?, Data?).self)
            let identity = digest.map { WriteIdentity(digest: [UInt8]($0)) }
            if let stamp { return WriteOutcome(counter: UInt64(counter), result: .accepted(stamp: UInt64(stamp)), identity: identity) }
            let refusal = RefusalCode(rawValue: UInt8(clamping: code ?? 0)) ?? .invalid
            return WriteOutcome(counter: UInt64(counter), result: .refused(refusal, message ?? ""), identity: identity)
        }
    }

    public func saveOutcome(_ outcome: WriteOutcome, device: UInt32) throws {
        let stamp: Int64?, code: Int64?, message: String?
        switch outcome.result {
        case .accepted(let seq): (stamp, code, message) = (Int64(clamping: seq), nil, nil)
        case .refused(let refusal, let text): (stamp, code, message) = (nil, Int64(refusal.rawValue), text)
        }
        let identity = outcome.identity.map { Data($0.digest) }
        try connection.run("""
            INSERT INTO sync_outcome (device, counter, stamp, refusal_code, refusal_message, identity)
            VALUES (\(Int64(device)), \(Int64(clamping: outcome.counter)), \(stamp), \(code), \(message), \(identity))
            ON CONFLICT (device, counter) DO UPDATE SET stamp = excluded.stamp, refusal_code = excluded.refusal_code,
                refusal_message = excluded.refusal_message, identity = excluded.identity
            """)
    }

    public func dropOutcomes(device: UInt32, below counter: UInt64) throws {
        try connection.run("DELETE FROM sync_outcome WHERE device = \(Int64(device)) AND counter < \(Int64(clamping: counter))")
    }

    // MARK: Records

    public func currentSequence() throws -> UInt64 {
        guard let value = try connection.value(Int64.self, ChangeSequence.currentSQL) else { throw PostgresStoreQueryError.noRow }
        return UInt64(value)
    }

    public func nextSequence() throws -> UInt64 {
        guard let value = try connection.value(Int64.self, ChangeSequence.nextSQL) else { throw PostgresStoreQueryError.noRow }
        return UInt64(value)
    }

    public func record(_ id: RecordID) throws -> StoredRecord? {
        try connection.rows("SELECT \(unescaped: ReplicaTable.columns) FROM replica_record WHERE id = \(Data(id.bytes))")
            .first.map(ReplicaTable.record)
    }

    public func save(_ record: StoredRecord) throws { try connection.run(try ReplicaTable.saveSQL(record)) }

    public func placement(of id: RecordID) throws -> RecordPlacement {
        guard let row = try connection.rows("SELECT territory FROM replica_record WHERE id = \(Data(id.bytes))").first else {
            return .unknown
        }
        return try row.decode(Data?.self).map { .territory(TerritoryID(try ReplicaTable.recordID($0))) } ?? .global
    }

    public func records(_ selection: RecordSelection, after: UInt64, through: UInt64?, limit: Int) throws -> [StoredRecord] {
        guard !selection.isEmpty else { return [] }
        let territories = selection.territories.map { ByteBuffer(bytes: RecordID($0).bytes) }
        let kinds = selection.kinds.map { Int32($0.rawValue) }
        return try connection.rows("""
            SELECT \(unescaped: ReplicaTable.columns) FROM replica_record
            WHERE seq > \(Int64(clamping: after)) AND (\(through.map { Int64(clamping: $0) })::bigint IS NULL OR seq <= \(through.map { Int64(clamping: $0) }))
                AND (territory = ANY(\(territories)) OR (\(selection.includeGlobal)::boolean AND territory IS NULL)
                     OR kind = ANY(\(kinds)))
            ORDER BY seq LIMIT \(Int64(limit))
            """).map(ReplicaTable.record)
    }

    public func reroute(_ id: RecordID, to territory: TerritoryID, seq: UInt64) throws {
        try connection.run("""
            UPDATE replica_record SET territory = \(Data(RecordID(territory).bytes)), seq = \(Int64(clamping: seq))
            WHERE id = \(Data(id.bytes))
            """)
    }

    public func addDeparture(_ record: RecordID, from territory: TerritoryID, seq: UInt64) throws {
        try connection.run("""
            INSERT INTO record_departure (seq, record, territory)
            VALUES (\(Int64(clamping: seq)), \(Data(record.bytes)), \(Data(RecordID(territory).bytes)))
            """)
    }

    public func departures(leaving territories: Set<TerritoryID>, after: UInt64, through: UInt64) throws -> [RecordID] {
        guard !territories.isEmpty, through > after else { return [] }
        let scope = territories.map { ByteBuffer(bytes: RecordID($0).bytes) }
        return try connection.column(Data.self, """
            SELECT DISTINCT d.record FROM record_departure d JOIN replica_record r ON r.id = d.record
            WHERE d.seq > \(Int64(clamping: after)) AND d.seq <= \(Int64(clamping: through)) AND d.territory = ANY(\(scope))
                AND (r.territory IS NULL OR NOT (r.territory = ANY(\(scope))))
            """).map(ReplicaTable.recordID)
    }

    public func children(of parent: RecordID) throws -> [RecordID] {
        try connection.column(Data.self, "SELECT id FROM replica_record WHERE parent = \(Data(parent.bytes)) ORDER BY id")
            .map { bytes throws(StoreError) in try ReplicaTable.recordID(bytes) }
    }

    public func project(_ record: any ReplicatedRecord, deleted: Bool, seq: UInt64) throws {
        try connection.run("SAVEPOINT projection")
        do {
            try PostgresProjection(connection: connection).apply(record, deleted: deleted, seq: Int64(clamping: seq))
            try connection.run("RELEASE SAVEPOINT projection")
        } catch let error as StoreError {
            try connection.run("ROLLBACK TO SAVEPOINT projection")
            throw LedgerRefusal(error.message)
        }
    }

    // MARK: Users and device states

    public func user(_ id: UserID) throws -> User? {
        try UserRows.decode(assignments: try connection.rows(UserRows.assignments(named: nil, id: id)),
                            users: try connection.rows(UserRows.users(named: nil, id: id))).first
    }

    public func isDisabled(user: UserID) throws -> Bool {
        try connection.value(Bool.self, #"SELECT disabled_at IS NOT NULL FROM "user" WHERE id = \#(user.uuid)"#) ?? false
    }

    public func isRetiring(device: DeviceID) throws -> Bool {
        try connection.value(Bool.self, "SELECT retiring_since IS NOT NULL FROM device WHERE id = \(device.uuid)") ?? false
    }

    public func markRevoked(device: DeviceID, at now: Date) throws {
        try connection.run("UPDATE device SET revoked_at = COALESCE(revoked_at, \(now.millisecondAligned)) WHERE id = \(device.uuid)")
    }
}
