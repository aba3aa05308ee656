public import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication

extension SyncHub {
    /// Processes one authorised request in a single transaction: advances the
    /// device's request counter (a concurrent replay loses here), records its current
    /// scope as a new version if it changed, applies each new write exactly once and
    /// in order (accepting or refusing it with a reason), and gathers every outcome
    /// the device has not taken in yet. A crash at any point leaves all or none of it.
    ///
    /// - Throws: ``RequestRefusal/replayed(last:)``, or the ledger's error.
    public func push(_ request: DeviceRequest, now: Date) async throws -> PushResult {
        let (result, device) = try await ledger.transaction { ledger in try apply(request, in: ledger, now: now) }
        lastSeen.keep(device)
        return result
    }

    /// ``push(_:now:)``, and the ``delivery(for:report:)`` answering it, whose first
    /// step a steady sync reads in the push's transaction (``Delivery/readFirstStep(in:)``):
    /// one transaction instead of two. That step shows the ledger as the push left it,
    /// other devices' pushes committed with it included; the caller gets it only once
    /// the commit is durable, as it gets the report.
    ///
    /// - Throws: ``RequestRefusal/replayed(last:)``, or the ledger's error.
    public func pushThenDeliver(_ request: DeviceRequest, now: Date) async throws -> PushedDelivery<Ledger> {
        let (pushed, device) = try await ledger.transaction { ledger -> (PushedDelivery<Ledger>, EnrolledDevice) in
            let (result, device) = try apply(request, in: ledger, now: now)
            guard case .applied(let report) = result else { return (.revoked, device) }
            var delivery = delivery(for: request, report: report)
            try delivery.readFirstStep(in: ledger)
            return (.applied(report, delivery), device)
        }
        lastSeen.keep(device)
        return pushed
    }

    /// The push's work inside its transaction (see ``push(_:now:)``), with the device as
    /// read in it (its counter advanced), for ``lastSeenDevice(number:)``.
    ///
    /// Everything is decided on the device as read here, not on the copy the request was
    /// opened with (``DeviceRequest/device``), which may be older: a revocation, a new
    /// user, role or assignment counts on the device's very next sync.
    private func apply(_ opened: DeviceRequest, in ledger: Ledger.Transaction, now: Date) throws -> (PushResult, EnrolledDevice) {
        // The key is fixed at enrolment; a device number whose key differs is not the device that sent this.
        guard var device = try ledger.device(number: opened.device.number),
              device.device.publicKey == opened.device.device.publicKey else {
            throw RequestRefusal.unknownDevice(opened.device.number)
        }
        guard try ledger.advanceCounter(device: device.number, to: opened.counter, at: now) else {
            throw RequestRefusal.replayed(last: device.lastCounter)
        }
        device.lastCounter = opened.counter
        if device.device.isRevoked { return (.revoked, device) }
        try checkWrites(opened.writes.count, of: device)
        var request = opened
        request.device = device
        return (try apply(request, of: device, in: ledger, now: now), device)
    }

    /// ``apply(_:in:now:)`` once the device is read, its counter advanced and it is not revoked.
    private func apply(_ request: DeviceRequest, of device: EnrolledDevice, in ledger: Ledger.Transaction, now: Date) throws -> PushResult {
        // A retiring device's first sync that brings nothing more completes its retirement.
        if request.writes.isEmpty, try ledger.isRetiring(device: device.device.id) {
            try ledger.markRevoked(device: device.device.id, at: now)
            return .revoked
        }
        let territories = try ledger.territories(assignedTo: device.user.id, withSubtrees: device.user.role.holdsSubtrees)
        let latest = try ledger.latestScope(device: device.number)
        let held = Self.heldScope(latest, cursor: request.cursor)
        let scope = try Self.currentScope(ledger, device: device.number, latest: latest, territories: territories)
        // Writes made offline in the scope the device last received are its to make,
        // even if that scope has changed since: they are accepted, then evicted.
        var writer = WriteApplier(ledger: ledger, device: device, scope: territories.union(held), time: WallClock(date: now))
        let stored = try ledger.outcomes(device: device.number)
        let renumberFrom = Self.renumberFrom(request, outcomes: stored)
        try writer.apply(renumberFrom.map { from in request.writes.filter { $0.dot.counter < from } } ?? request.writes)
        // A disabled user's device uploads what it sent, then is told to wipe like a revoked one.
        if try ledger.isDisabled(user: device.user.id) { return .revoked }
        // A request without writes stored no outcome: with none stored before, there is nothing to forget.
        if let firstPending = request.writes.map(\.dot.counter).min() {
            try ledger.dropOutcomes(device: device.number, below: firstPending)
        } else if !stored.isEmpty {
            try ledger.dropOutcomes(device: device.number, below: UInt64(Int64.max))
        }
        var scopes = [scope.version: scope.territories]
        var wanted = [request.cursor.scopeVersion]
        if let backfill = request.cursor.backfill { wanted.append(backfill.target) }
        for version in wanted where scopes[version] == nil {
            scopes[version] = version == 0 ? [] : try ledger.scope(device: device.number, version: version) ?? []
        }
        // Outcomes go only to writes the request carries, and only to the write they
        // belong to: the device files each accepted one and, if its record has left the
        // scope since, is told to evict it.
        let outcome = PushOutcome(appliedThrough: writer.appliedThrough,
                                  outcomes: try Self.outcomes(ledger, of: request, before: renumberFrom),
                                  renumberFrom: renumberFrom)
        let acked = Set(outcome.outcomes.compactMap { written -> UInt64? in
            if case .accepted = written.result { return written.counter }
            return nil
        })
        return .applied(PushReport(outcome: outcome, scope: scope, scopes: scopes,
                                   kindsEverywhere: device.user.role.kindsFromEveryTerritory,
                                   acceptedRecords: Set(request.writes.filter { acked.contains($0.dot.counter) }.map(\.record)),
                                   acceptedNow: writer.acceptedCounters,
                                   placementsBefore: writer.placementsBefore,
                                   accepted: writer.accepted, refused: writer.refused))
    }

    /// The first write of `request` the device must number again, or `nil` when every
    /// write is what it claims:
    /// - one at or below the device's applied-through that is not the write the hub
    ///   processed under its counter (another identity, or its outcome already taken in
    ///   and forgotten): the device was restored from an older copy of its replica and
    ///   reused the counter;
    /// - one above applied-through that does not follow it (or the request's previous
    ///   write) without a gap: the hub lost writes the device had seen acknowledged (the
    ///   server was restored from a backup). Deferred behind the gap it would wait forever.
    /// That write and every later one are left for the device to number again.
    static func renumberFrom(_ request: DeviceRequest, outcomes: [WriteOutcome]) -> UInt64? {
        let stored = Dictionary(outcomes.map { ($0.counter, $0) }, uniquingKeysWith: { $1 })
        var next = request.device.appliedThrough + 1
        for write in request.writes.sorted(by: { $0.dot.counter < $1.dot.counter }) {
            let counter = write.dot.counter
            if counter < next {
                if stored[counter]?.belongs(to: request.identities[counter]) != true { return counter }
            } else if counter > next {
                return counter
            } else {
                next += 1
            }
        }
        return nil
    }

    /// The stored outcomes of the request's own writes (below `renumberFrom`) that
    /// belong to them by identity, keeping the identity of each write processed now.
    static func outcomes(_ ledger: Ledger.Transaction, of request: DeviceRequest, before renumberFrom: UInt64?) throws -> [WriteOutcome] {
        let sent = Set(request.writes.map(\.dot.counter).filter { $0 < renumberFrom ?? .max })
        guard !sent.isEmpty else { return [] }
        return try ledger.outcomes(device: request.device.number).compactMap { stored in
            guard sent.contains(stored.counter) else { return nil }
            let identity = request.identities[stored.counter]
            guard stored.identity == nil, let identity else { return stored.belongs(to: identity) ? stored : nil }
            var kept = stored
            kept.identity = identity
            try ledger.saveOutcome(kept, device: request.device.number)
            return kept
        }
    }

    /// The territories the device held when it made the request's writes: the scope its
    /// cursor names, if that is still the newest the hub has recorded for it (`latest`: the
    /// device has not yet been told of a change); otherwise none beyond its current scope.
    static func heldScope(_ latest: ScopeVersion?, cursor: DeviceCursor) -> Set<TerritoryID> {
        guard let latest, latest.version == cursor.scopeVersion else { return [] }
        return latest.territories
    }

    /// The device's current scope version for `territories` (its newest recorded one is
    /// `latest`), adding one if they changed.
    static func currentScope(_ ledger: Ledger.Transaction, device: UInt32, latest: ScopeVersion?,
                             territories: Set<TerritoryID>) throws -> ScopeVersion {
        if let latest, latest.territories == territories { return latest }
        let scope = ScopeVersion(version: (latest?.version ?? 0) + 1, territories: territories)
        try ledger.addScope(scope, device: device)
        return scope
    }
}

extension Role {
    /// Whether a user's devices hold the whole subtrees below their assigned
    /// territories (everyone but reps, who hold their own territories only).
    var holdsSubtrees: Bool { self != .rep }
}

extension WallClock {
    /// The instant `date`, to the millisecond.
    public init(date: Date) { self.init(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded(.down))) }
}

extension SyncHub {
    /// The territories `user`'s devices hold: their own, with the subtrees below for
    /// every role but reps.
    public func territories(of user: User) async throws -> Set<TerritoryID> {
        let (id, subtrees) = (user.id, user.role.holdsSubtrees)
        return try await ledger.snapshot { try $0.territories(assignedTo: id, withSubtrees: subtrees) }
    }
}
