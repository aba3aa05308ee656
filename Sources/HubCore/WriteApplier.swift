import MergeEngine
public import OutpostModel
public import OutpostReplication

/// Applies one request's writes inside the push transaction, under the hub's rules.
struct WriteApplier<Ledger: LedgerTransaction> {
    let ledger: Ledger
    let device: EnrolledDevice
    /// The territories the device may write to: its territories when the request
    /// arrived, and those of the scope it last received (see ``SyncHub/heldScope``).
    let scope: Set<TerritoryID>
    let time: WallClock
    private(set) var appliedThrough: UInt64
    private(set) var accepted = 0
    /// The counters of the writes accepted here.
    private(set) var acceptedCounters: Set<UInt64> = []
    private(set) var refused = 0
    /// Where each record the request decided a write to was before its first such write.
    private(set) var placementsBefore: [RecordID: RecordPlacement] = [:]

    init(ledger: Ledger, device: EnrolledDevice, scope: Set<TerritoryID>, time: WallClock) {
        self.ledger = ledger
        self.device = device
        self.scope = scope
        self.time = time
        appliedThrough = device.appliedThrough
    }

    /// Applies each write not yet processed, in counter order, stopping at a gap.
    mutating func apply(_ writes: [Write]) throws {
        let start = appliedThrough
        for write in writes.sorted(by: { $0.dot.counter < $1.dot.counter }) {
            let n = write.dot.counter
            if n <= appliedThrough { continue }
            if n > appliedThrough + 1 { break }
            appliedThrough = n
            if placementsBefore[write.record] == nil { placementsBefore[write.record] = try ledger.placement(of: write.record) }
            let result = try decide(write)
            switch result {
            case .accepted:
                accepted += 1
                acceptedCounters.insert(n)
            case .refused: refused += 1
            }
            try ledger.saveOutcome(WriteOutcome(counter: n, result: result), device: device.number)
        }
        if appliedThrough != start { try ledger.setAppliedThrough(appliedThrough, device: device.number) }
    }

    /// Accepts `write` at the next sequence value if its context is one the hub handed
    /// out, its record is (and stays) in the device's scope or of a kind its role
    /// reaches everywhere, its kind is writable by the device's role, the merged record
    /// is valid, names no other user as its writer (``WriterRules``), and, for an order
    /// or a quote, ``OrderRules`` or ``QuoteRules`` allow it. An account that moves takes
    /// its contacts, opportunities and activities, their quotes and orders along
    /// (``AccountFamily``, each at a new sequence value), and a departure tells the old
    /// territory's devices to evict it.
    private func decide(_ write: Write) throws -> WriteOutcome.Result {
        let seq = try ledger.nextSequence()
        // A context is what the device received from the hub: hub dots the hub has
        // handed out. A forged one (a future counter, another replica) could make a
        // delete claim to have seen writes made after it.
        guard write.context.entries.allSatisfy({ $0.replica == ReplicaID.hub && $0.counter < seq }) else {
            return .refused(.invalid, "write \(write.dot.counter) claims to have seen changes the server never made; "
                + "its context names \(write.context.entries.map { "(\($0.replica.rawValue), \($0.counter))" }.joined(separator: ", "))")
        }
        let existing = try ledger.record(write.record)
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
        if let refusal = WriteRules.refusal(of: kind, by: device.user.role) { return refusal }
        let everywhere = existing != nil && device.user.role.kindsFromEveryTerritory.contains(kind)
        if let existing, let territory = existing.territory, !scope.contains(territory), !everywhere {
            return .refused(.outOfScope, "\(kind.name) \(write.record) belongs to a territory outside this device's scope")
        }
        var state = existing?.state ?? RecordState(id: write.record, type: typeID)
        state.apply(write, stamp: Dot(replica: ReplicaID.hub, counter: seq))
        let view = state.view(policy: .updateWins)
        let record: any ReplicatedRecord
        do { record = try kind.decode(recordID: write.record, fields: view.values) } catch {
            return .refused(.invalid, error.description)
        }
        let before = existing.flatMap { try? kind.decode(recordID: write.record, fields: $0.state.view(policy: .updateWins).values) }
        if let refusal = WriterRules.refusal(before: before, after: record, user: device.user) { return refusal }
        if let quote = record as? Quote, let refusal = QuoteRules.refusal(before: before as? Quote, after: quote) { return refusal }
        let territory: TerritoryID?
        do { territory = try Routing.territory(of: record.route, in: ledger) } catch let refusal as LedgerRefusal {
            return .refused(.invalid, "\(kind.name) \(write.record) refers to a record the server does not have: \(refusal.message)")
        }
        guard let territory, scope.contains(territory) || everywhere else {
            return .refused(.outOfScope, "\(kind.name) \(write.record) would belong to a territory outside this device's scope")
        }
        var orderChange = OrderRules.Change.none
        if let order = record as? Order {
            switch try OrderRules.review(ledger, before: existing, after: order, deleted: view.isDeleted, role: device.user.role) {
            case .success(let change): orderChange = change
            case .failure(let refusal): return refusal.result
            }
        }
        do { try ledger.project(record, deleted: view.isDeleted, seq: seq) } catch let refusal as LedgerRefusal {
            return .refused(.invalid, refusal.message)
        }
        try ledger.save(StoredRecord(state: state, kind: kind, territory: territory, parent: record.route.parent?.id, seq: seq))
        if let order = record as? Order {
            try OrderRules.record(orderChange, order: order, device: device.device.id, seq: seq, time: time, in: ledger)
        }
        if let quote = record as? Quote, !view.isDeleted { try QuoteRules.number(quote, time: time, in: ledger) }
        if kind == .account, let moved = existing?.territory, moved != territory {
            try AccountFamily.move(AccountID(write.record), from: moved, to: territory, seq: seq, in: ledger,
                                   nextSequence: ledger.nextSequence)
        }
        return .accepted(stamp: seq)
    }
}

/// Which kinds a role may write from a device.
enum WriteRules {
    /// The refusal of a write of `kind` by a device of `role`, if it is not allowed.
    static func refusal(of kind: ReplicatedKind, by role: Role) -> WriteOutcome.Result? {
        guard kind.isDeviceWritable else {
            return .refused(.readOnly, "\(kind.name) records are read-only on devices; ask an admin to change them")
        }
        if kind == .forecastAdjustment || kind == .quota, role != .manager && role != .admin {
            return .refused(.readOnly, "only a manager adjusts forecasts and sets quotas; a \(role.rawValue)'s device submits forecasts only")
        }
        return nil
    }
}

/// Where records route.
public enum Routing {
    /// The territory `route` leads to, following the stored routes of parent records.
    /// - Throws: ``LedgerRefusal`` if a parent record is unknown.
    public static func territory(of route: RecordRoute, in ledger: some LedgerReader) throws -> TerritoryID? {
        switch route {
        case .global: return nil
        case .territory(let id), .forecast(let id): return id
        default:
            guard let parent = route.parent else { return nil }
            switch try ledger.placement(of: parent.id) {
            case .unknown: throw LedgerRefusal("\(parent.kind.name) \(parent.id) does not exist")
            case .global: return nil
            case .territory(let territory): return territory
            }
        }
    }
}
