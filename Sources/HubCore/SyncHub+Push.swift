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
        try await ledger.transaction { ledger throws -> PushResult in
            let device = request.device
            guard try ledger.advanceCounter(device: device.number, to: request.counter, at: now) else {
                let last = try ledger.device(number: device.number)?.lastCounter ?? device.lastCounter
                throw RequestRefusal.replayed(last: last)
            }
            if device.device.isRevoked { return .revoked }
            // A retiring device's first sync that brings nothing more completes its retirement.
            if request.writes.isEmpty, try ledger.isRetiring(device: device.device.id) {
                try ledger.markRevoked(device: device.device.id, at: now)
                return .revoked
            }
            let territories = try ledger.territories(assignedTo: device.user.id, withSubtrees: device.user.role.holdsSubtrees)
            let scope = try Self.currentScope(ledger, device: device.number, territories: territories)
            var writer = WriteApplier(ledger: ledger, device: device, scope: territories, time: WallClock(date: now))
            try writer.apply(request.writes)
            // A disabled user's device uploads what it sent, then is told to wipe like a revoked one.
            if try ledger.isDisabled(user: device.user.id) { return .revoked }
            let firstPending = request.writes.map(\.dot.counter).min()
            try ledger.dropOutcomes(device: device.number, below: firstPending ?? UInt64(Int64.max))
            var scopes = [scope.version: scope.territories]
            var wanted = [request.cursor.scopeVersion]
            if let backfill = request.cursor.backfill { wanted.append(backfill.target) }
            for version in wanted where scopes[version] == nil {
                scopes[version] = version == 0 ? [] : try ledger.scope(device: device.number, version: version) ?? []
            }
            // Outcomes go only to writes the request carries: the device files each
            // accepted one and, if its record has left the scope since, is told to evict it.
            let carried = Set(request.writes.map(\.dot.counter))
            let outcome = PushOutcome(appliedThrough: writer.appliedThrough,
                                      outcomes: try ledger.outcomes(device: device.number).filter { carried.contains($0.counter) })
            let acked = Set(outcome.outcomes.compactMap { written -> UInt64? in
                if case .accepted = written.result { return written.counter }
                return nil
            })
            return .applied(PushReport(outcome: outcome, scope: scope, scopes: scopes,
                                       kindsEverywhere: device.user.role.kindsFromEveryTerritory,
                                       acceptedRecords: Set(request.writes.filter { acked.contains($0.dot.counter) }.map(\.record)),
                                       placementsBefore: writer.placementsBefore,
                                       accepted: writer.accepted, refused: writer.refused))
        }
    }

    /// The device's current scope version for `territories`, adding one if they changed.
    static func currentScope(_ ledger: Ledger.Transaction, device: UInt32, territories: Set<TerritoryID>) throws -> ScopeVersion {
        let latest = try ledger.latestScope(device: device)
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
