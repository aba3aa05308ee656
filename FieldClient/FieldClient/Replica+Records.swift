import Foundation
import GRDB
public import MergeEngine
import StateCoding
import OutpostModel
import OutpostProtocol
public import OutpostReplication

extension Replica {
    /// The columns of a `record` row that ``openState(_:_:_:groups:)`` reads, in its order.
    static let stateColumns = "id, kind, state, territory, parent, state_group"

    /// The record `id` as this device sees it, or `nil`.
    public func record(_ id: RecordID) throws(ReplicaError) -> LocalRecord? {
        try read { db in try local(db, id) }
    }

    /// Every record of `kind` (deleted ones included; check `view.isDeleted`).
    ///
    /// One query for the states and one for the pending writes, whatever the count,
    /// so that listing thousands of records answers in milliseconds.
    public func records(of kind: ReplicatedKind) throws(ReplicaError) -> [LocalRecord] {
        try read { db in
            let device = try DeviceIdentity.require(db, cipher: cipher).replicaID
            let pending = Dictionary(grouping: try pendingStore.writes(db), by: \.record)
            var records: [LocalRecord] = []
            var seen: Set<RecordID> = []
            var groups = StateGroupReader()
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.stateColumns) FROM record WHERE \(KindIndex.condition(kind))",
                                           arguments: [Int64(kind.rawValue)])
            while let row = try rows.next() {
                let id = try RecordID(bytes: [UInt8](row[0] as Data))
                seen.insert(id)
                let writes = pending[id] ?? []
                if let state = RecordState.overlay(try openState(db, row, id, groups: &groups), pending: writes, device: device) {
                    records.append(LocalRecord(kind: kind, state: state, pending: writes))
                }
            }
            for (id, writes) in pending where !seen.contains(id) {
                guard let state = RecordState.overlay(nil, pending: writes, device: device), state.type == kind.typeID else { continue }
                records.append(LocalRecord(kind: kind, state: state, pending: writes))
            }
            return records
        }
    }

    /// The records whose received state holds a conflict (a device's own pending
    /// writes never add one: they have seen every value they supersede).
    public func conflictedRecords() throws(ReplicaError) -> [LocalRecord] {
        try read { db in
            try Data.fetchAll(db, sql: "SELECT id FROM record WHERE conflicted = 1").compactMap { data in
                try local(db, try RecordID(bytes: [UInt8](data)))
            }
        }
    }

    /// How many records of each kind the replica holds.
    public func counts() throws(ReplicaError) -> [ReplicatedKind: Int] {
        try read { db in
            var counts: [ReplicatedKind: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT kind, COUNT(*) FROM record GROUP BY kind") {
                if let kind = ReplicatedKind(rawValue: UInt16(clamping: row[0] as Int64)) { counts[kind] = row[1] }
            }
            return counts
        }
    }

    func local(_ db: Database, _ id: RecordID) throws -> LocalRecord? {
        let base = try baseState(db, id)
        let pending = try pendingStore.writes(db, of: id)
        let device = try DeviceIdentity.require(db, cipher: cipher).replicaID
        guard let state = RecordState.overlay(base, pending: pending, device: device),
              let kind = ReplicatedKind(typeID: state.type) else { return nil }
        return LocalRecord(kind: kind, state: state, pending: pending)
    }

    /// The record's hub state as last received, opened and checked against its row.
    func baseState(_ db: Database, _ id: RecordID) throws -> RecordState? {
        let statement = try db.cachedStatement(sql: "SELECT \(Self.stateColumns) FROM record WHERE id = ?")
        // One blob for the one placeholder: no checking of the arguments per lookup (a bootstrap makes one per record).
        statement.setUncheckedArguments([Data(id.bytes)])
        guard let row = try Row.fetchOne(statement) else { return nil }
        var groups = StateGroupReader()
        return try openState(db, row, id, groups: &groups)
    }

    /// Opens and decodes the state of a `record` row (``stateColumns``; a `departed` row
    /// reads `NULL` for the group), checked against the row's clear columns: sealed in the
    /// row, or kept in the group the row names, read through `groups`.
    func openState(_ db: Database, _ row: Row, _ id: RecordID, groups: inout StateGroupReader) throws -> RecordState {
        let kind: Int64 = row[1], territory: Data? = row[3], parent: Data? = row[4]
        let bytes = if let group = row[5] as Int64? {
            try groups.state(db, cipher, group: group, id: id, kind: kind, territory: territory, parent: parent)
        } else {
            try cipher.open(row[2], .recordState(id, kind: kind, territory: territory, parent: parent))
        }
        do { return try RecordStateCodec.decode(bytes, id: id) } catch {
            throw ReplicaError(.corrupt, "record \(id) in the replica is unreadable (\(error.message)); "
                + "move the replica folder aside and enrol the device again")
        }
    }

    /// The hub states the replica holds of records `ids`, opened and checked against their
    /// rows: one query per 500 ids instead of one per record (a bootstrap's frame of 1,000
    /// new records finds none).
    func heldStates(_ db: Database, _ ids: [RecordID]) throws -> [RecordID: RecordState] {
        var held: [RecordID: RecordState] = [:]
        var groups = StateGroupReader()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.stateColumns) FROM record WHERE id IN (\(placeholders))",
                                           arguments: StatementArguments(chunk.map { Data($0.bytes) }))
            while let row = try rows.next() {
                let id = try RecordID(bytes: [UInt8](row[0] as Data))
                held[id] = try openState(db, row, id, groups: &groups)
            }
        }
        return held
    }

    /// Joins a received hub state into the replica, filed under the route its frame
    /// gives; returns whether the record now holds conflicting values. `held` holds the
    /// frame's records the replica has (``heldStates(_:_:)``) and takes the joined state,
    /// so a record the frame names twice joins both. A record new to the replica is held
    /// back in `grouping`, to be stored with the frame's other new records.
    func merge(_ db: Database, _ incoming: FrameRecord, held: inout [RecordID: RecordState], grouping: StateGroupWriter) throws -> Bool {
        var state = incoming.state
        let existing = held[state.id]
        if let existing {
            state = existing
            try state.join(incoming.state)
        }
        held[state.id] = state
        let isNew = existing == nil || grouping.holds(state.id)
        return try store(db, state, route: incoming.route, grouping: isNew ? grouping : nil)
    }

    /// Stores `state` as the hub state of its record, filed under `route` (for the
    /// device's own accepted write, which no frame carries: the route of the domain
    /// record it makes); returns whether it holds conflicting values. A record `grouping`
    /// is given for is held back there instead of written (it must be new to the replica).
    @discardableResult
    func store(_ db: Database, _ state: RecordState, route: FrameRoute?, grouping: StateGroupWriter? = nil) throws -> Bool {
        let kind = ReplicatedKind(typeID: state.type)
        // The domain record is decoded only when needed: to file a record no frame routed,
        // or to summarise an account or opportunity for the forecast.
        let summarised = kind.map(ForecastSummary.applies(to:)) ?? false
        // A routed record of another kind needs its view only for its conflicts, which a
        // state with one value per field and no delete cannot hold (most of a bootstrap).
        if let route, !summarised, !state.mayConflict {
            try insert(db, state, kind: Int64(state.type.rawValue), route: route, conflicted: false, summary: nil, period: nil,
                       grouping: grouping)
            return false
        }
        let view = state.view(policy: .updateWins)
        let decoded = route == nil || kind.map(ForecastSummary.readsRecord(of:)) ?? false
        let record = decoded ? kind.flatMap { try? $0.decode(recordID: state.id, fields: view.values) } : nil
        // A write whose record does not decode (a kind this build does not know, a state
        // the device never held whole) keeps the route the record was filed under.
        let filed = try route ?? record.map { FrameRoute($0.route) } ?? storedRoute(db, state.id) ?? .global
        let kindValue = Int64(state.type.rawValue)
        let summary = kind.flatMap { ForecastSummary.encode(kind: $0, view: view, record: record) }
        let period = try (summary == nil || view.isDeleted ? nil : record as? Opportunity).map { opportunity throws(ReplicaError) in
            try ForecastSummary.periodIndex(ForecastPeriod.quarter(of: opportunity.closeDate), cipher: cipher)
        }
        try insert(db, state, kind: kindValue, route: filed, conflicted: view.hasConflicts, summary: summary, period: period,
                   grouping: grouping)
        return view.hasConflicts
    }

    /// Writes the row of `state` (or replaces the record's) with its state sealed in it,
    /// taking the record out of the group that kept its state; or holds it back in
    /// `grouping`.
    private func insert(_ db: Database, _ state: RecordState, kind: Int64, route: FrameRoute, conflicted: Bool,
                        summary: [UInt8]?, period: Data?, grouping: StateGroupWriter?) throws {
        let (territory, parent) = route.columns
        let member = StateGroup.Member(id: state.id, kind: kind, territory: territory, parent: parent,
                                       state: RecordStateCodec.encode(state), summary: summary)
        if let grouping {
            grouping.hold(.init(member: member, conflicted: conflicted, period: period))
            return
        }
        try leaveGroup(db, state.id)
        try writeSealedRow(db, member, conflicted: conflicted, period: period)
    }

    /// The route the replica filed record `id` under, or `nil` if it does not hold it.
    private func storedRoute(_ db: Database, _ id: RecordID) throws -> FrameRoute? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT territory, parent FROM record WHERE id = ?"),
                                         arguments: [Data(id.bytes)]) else { return nil }
        if let territory = row[0] as Data? { return .territory(try RecordID(bytes: [UInt8](territory))) }
        if let parent = row[1] as Data? { return .parent(try RecordID(bytes: [UInt8](parent))) }
        return .global
    }

    /// Removes every record routed to one of `evictions` (territories that left the
    /// scope) or named by it (territory-routed records that left it; a territory's own
    /// global record stays), then records whose parent is
    /// gone (contacts of evicted accounts, quotes of their opportunities …), except
    /// kinds this device's role holds from every territory (the desk's orders, whose
    /// quotes it never holds).
    func evict(_ db: Database, _ evictions: [RecordID]) throws {
        guard !evictions.isEmpty else { return }
        // Records with pending writes keep their last state aside until the writes are
        // settled, so a write refused after its record left still shows what it changed.
        try keepDeparted(db)
        let placeholders = Array(repeating: "?", count: evictions.count).joined(separator: ",")
        let ids = evictions.map { Data($0.bytes) }
        // The groups that kept states of removed records, rewritten without them below.
        var groups = Set(try Int64?.fetchAll(db, sql: """
            DELETE FROM record WHERE territory IN (\(placeholders)) OR (id IN (\(placeholders)) AND territory IS NOT NULL)
            RETURNING state_group
            """, arguments: StatementArguments(ids + ids)).compactMap { $0 })
        let role = try DeviceIdentity.fetch(db, cipher: cipher).flatMap { Role(rawValue: $0.role) }
        let kept = (role?.kindsFromEveryTerritory ?? []).map { String($0.rawValue) }.sorted()
        let keep = kept.isEmpty ? "" : " AND kind NOT IN (\(kept.joined(separator: ",")))"
        while true {
            let removed = try Int64?.fetchAll(db, sql: """
                DELETE FROM record WHERE parent IS NOT NULL AND parent NOT IN (SELECT id FROM record)\(keep) RETURNING state_group
                """)
            guard !removed.isEmpty else { break }
            groups.formUnion(removed.compactMap { $0 })
        }
        for group in groups.sorted() { try prune(db, group) }
        try db.execute(sql: "DELETE FROM departed WHERE id IN (SELECT id FROM record)")
    }

    /// The record as this device last saw it: its hub state (or, once evicted, the state
    /// it left with) with the pending writes on top.
    func lastSeen(_ db: Database, _ id: RecordID) throws -> LocalRecord? {
        if let local = try local(db, id) { return local }
        guard let row = try Row.fetchOne(db, sql: "SELECT id, kind, state, territory, parent, NULL FROM departed WHERE id = ?",
                                         arguments: [Data(id.bytes)]) else { return nil }
        let pending = try pendingStore.writes(db, of: id)
        let device = try DeviceIdentity.require(db, cipher: cipher).replicaID
        var groups = StateGroupReader()
        guard let state = RecordState.overlay(try openState(db, row, id, groups: &groups), pending: pending, device: device),
              let kind = ReplicatedKind(typeID: state.type) else { return nil }
        return LocalRecord(kind: kind, state: state, pending: pending)
    }
}

extension FrameRoute {
    /// The record row's routing columns (`territory`, `parent`) for this route.
    var columns: (territory: Data?, parent: Data?) {
        switch self {
        case .global: (nil, nil)
        case .territory(let id): (Data(id.bytes), nil)
        case .parent(let id): (nil, Data(id.bytes))
        }
    }

    /// How the device files a record whose domain route is `route`.
    init(_ route: RecordRoute) {
        switch route {
        case .global: self = .global
        case .territory(let id), .forecast(let id): self = .territory(RecordID(id))
        default: self = route.parent.map { .parent($0.id) } ?? .global
        }
    }
}

extension RecordState {
    /// Whether the state can hold a conflict (``RecordView/hasConflicts``): a field with
    /// more than one value, or a delete.
    var mayConflict: Bool { fields.contains { $0.siblings.count > 1 } || existence.contains(where: \.isTombstone) }
}
