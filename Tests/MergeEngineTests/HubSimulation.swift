import Foundation
import HubCore
import HubTestSupport
import MergeEngine
import OutpostModel
import OutpostReplication
import SeededRandom
import Testing

/// What a schedule does as the server's admin, over the ledger the hub runs on.
protocol SimulatedAdmin: Sendable {
    associatedtype Ledger: SyncLedger
    /// The ledger.
    var ledger: Ledger { get }
    /// Enrols a device of `user`.
    func enrol(_ user: User) async throws -> EnrolledDevice
    /// Replaces the territories `user` works.
    func assign(_ user: UserID, to territories: Set<TerritoryID>) async throws
    /// Revokes device `number`.
    func revoke(_ number: UInt32) async throws
}

/// A company for the schedules: two territories and one rep per device, each working
/// one or both territories.
enum SimulatedCompany {
    static let territories = [Territory(name: "North"), Territory(name: "South")]
    static let noon = WallClock(milliseconds: 1_780_000_000_000)
    static let hour: Int64 = 3_600_000

    static func users(_ count: Int, _ rng: inout SplitMix) -> [User] {
        (0..<count).map { n in
            User(name: "rep\(n)", displayName: "Rep \(n)", role: .rep, territoryIDs: assignment(&rng).sorted { $0.uuid.uuidString < $1.uuid.uuidString })
        }
    }

    static func assignment(_ rng: inout SplitMix) -> Set<TerritoryID> {
        switch rng.below(4) {
        case 0: [territories[0].id]
        case 1: [territories[1].id]
        default: Set(territories.map(\.id))
        }
    }
}

/// A schedule of writes, syncs (cut, lost, replayed), clock jumps, reassignments and
/// revocations, run against the shipped hub over any ledger; then the properties
/// every schedule must keep.
struct HubSimulation<Admin: SimulatedAdmin> {
    let admin: Admin
    let hub: SyncHub<Admin.Ledger>
    var users: [User]
    var devices: [SimulatedDevice] = []
    /// Each user's territories, as the admin last set them.
    var assignments: [UserID: Set<TerritoryID>] = [:]
    /// Requests already sent, by device, to deliver again as replays.
    var sent: [(device: Int, counter: UInt64, cursor: DeviceCursor, writes: [Write])] = []
    var now = SimulatedCompany.noon
    var nextRecord: UInt64 = 1
    var revocations = 0
    /// Every write the hub accepted, with its stamp, as the push reported it (a device
    /// revoked before the answer arrived never learns of it; the hub still holds it).
    var acceptedByHub: [Dot: (write: Write, stamp: UInt64)] = [:]

    init(admin: Admin, users: [User]) async throws {
        self.admin = admin
        hub = SyncHub(ledger: admin.ledger, limits: HubLimits(maxWritesPerRequest: 1000, burst: .max, requestsPerSecond: 1), batchSize: 3)
        self.users = users
        for user in users {
            assignments[user.id] = Set(user.territoryIDs)
            devices.append(SimulatedDevice(number: try await admin.enrol(user).number))
        }
    }

    mutating func step(_ bits: UInt64) async throws {
        var rng = SplitMix(seed: bits)
        let index = rng.below(devices.count)
        switch rng.below(100) {
        case 0..<45: write(index, &rng)
        case 45..<75: try await sync(index, &rng)
        case 75..<82: try await replay(&rng)
        case 82..<88: now = now.adding(milliseconds: Int64(rng.below(12)) * SimulatedCompany.hour)
        case 88..<96:
            let user = users[index].id
            assignments[user] = SimulatedCompany.assignment(&rng)
            try await admin.assign(user, to: assignments[user] ?? [])
        default:
            guard revocations < devices.count - 2, !devices[index].wiped else { return }
            revocations += 1
            try await admin.revoke(devices[index].number)
        }
    }

    /// A create, update, move, delete or restore of an account the device holds, or
    /// now and then a forged write to any account (one it may not hold).
    mutating func write(_ index: Int, _ rng: inout SplitMix) {
        guard !devices[index].wiped else { return }
        let skew = Int64(rng.below(25) - 12) * SimulatedCompany.hour  // clocks up to half a day off
        let time = now.adding(milliseconds: skew)
        var known = devices[index].recordIDs
        if rng.chance(5) { known = allAccounts }
        let held = Array(assignments[users[index].id] ?? []).sorted { $0.uuid.uuidString < $1.uuid.uuidString }
        if known.isEmpty || rng.chance(15) {
            let territory = held.isEmpty ? SimulatedCompany.territories[0].id : held[rng.below(held.count)]
            let account = Account(id: AccountID(RecordID(high: 7, low: nextRecord)), territoryID: territory, name: "Account \(nextRecord)")
            nextRecord += 1
            devices[index].write(account.recordID, .create(type: ReplicatedKind.account.typeID, fields: account.fields), at: time)
            return
        }
        let record = known[rng.below(known.count)]
        switch rng.below(12) {
        case 0..<5: devices[index].write(record, .update(fields: Self.someFields(&rng)), at: time)
        case 5..<8:
            let territory = SimulatedCompany.territories[rng.below(2)].id
            let moved = Account(territoryID: territory, name: "moved").fields.filter { $0.key == Self.field("territory_id") }
            devices[index].write(record, .update(fields: moved), at: time)
        case 8..<10: devices[index].write(record, .delete, at: time)
        default: devices[index].write(record, .restore(fields: rng.chance(50) ? Self.someFields(&rng) : [:]), at: time)
        }
    }

    /// Every account any device ever created.
    var allAccounts: [RecordID] { (1..<nextRecord).map { RecordID(high: 7, low: $0) } }

    static func field(_ name: String) -> FieldID {
        guard let id = ReplicatedKind.account.fieldID(named: name) else { fatalError("accounts have no field \(name)") }
        return id
    }

    static func someFields(_ rng: inout SplitMix) -> [FieldID: FieldValue] {
        var fields: [FieldID: FieldValue] = [:]
        if rng.chance(50) { fields[field("phone")] = .string("+49 \(rng.below(1000))") }
        if rng.chance(50) { fields[field("city")] = .string("City \(rng.below(20))") }
        if fields.isEmpty { fields[field("name")] = .string("Name \(rng.below(100))") }
        return fields
    }

    /// One sync of device `index`: its response may be cut after any step or lost.
    mutating func sync(_ index: Int, _ rng: inout SplitMix, faults: Bool = true) async throws {
        guard !devices[index].wiped else { return }
        let request = devices[index].nextRequest(limit: 1 + rng.below(4))
        sent.append((index, request.counter, request.cursor, request.writes))
        let device = try await hub.device(number: devices[index].number)
        try hub.authorise(device, counter: request.counter)
        let asked = DeviceRequest(device: device, counter: request.counter, cursor: request.cursor, writes: request.writes)
        // A device may write to its current territories and to the scope it last
        // received, if the hub has not recorded a newer one since.
        let (number, version) = (devices[index].number, request.cursor.scopeVersion)
        let held = try await admin.ledger.snapshot { ledger -> Set<TerritoryID> in
            guard let latest = try ledger.latestScope(device: number), latest.version == version else { return [] }
            return latest.territories
        }
        let scope = (assignments[users[index].id] ?? []).union(held)
        let before = try await admin.ledger.snapshot { ledger in try asked.writes.map { try ledger.record($0.record)?.territory } }
        let pushed = try await hub.pushThenDeliver(asked, now: Date(timeIntervalSince1970: Double(now.milliseconds) / 1000))
        guard case .applied(let report, var delivery) = pushed else {
            devices[index].wipe()
            return
        }
        try await checkScope(of: asked, before: before, scope: scope, outcome: report.outcome)
        for write in asked.writes {
            if case .accepted(let stamp) = report.outcome.outcomes.first(where: { $0.counter == write.dot.counter })?.result {
                acceptedByHub[write.dot] = (write, stamp)
            }
        }
        let cut = faults && rng.chance(15) ? rng.below(4) : Int.max
        var taken = 0
        while taken < cut, let step = try await delivery.next() {
            try devices[index].apply(step)
            taken += 1
        }
    }

    /// Delivers an old request again: the hub must refuse it as a replay.
    mutating func replay(_ rng: inout SplitMix) async throws {
        guard !sent.isEmpty else { return }
        let old = sent[rng.below(sent.count)]
        let device = try await hub.device(number: devices[old.device].number)
        let request = DeviceRequest(device: device, counter: old.counter, cursor: old.cursor, writes: old.writes)
        await #expect(throws: RequestRefusal.self, "a replayed request was applied") {
            _ = try await hub.push(request, now: Date())
        }
        #expect(throws: RequestRefusal.self) { try hub.authorise(device, counter: old.counter) }
    }

    /// Every write the hub accepted was to a record in the device's territories, as
    /// the record was before the request and as it is after.
    func checkScope(of request: DeviceRequest, before: [TerritoryID?], scope: Set<TerritoryID>, outcome: PushOutcome) async throws {
        let after = try await admin.ledger.snapshot { ledger in try request.writes.map { try ledger.record($0.record)?.territory } }
        for (offset, write) in request.writes.enumerated() where write.dot.counter > request.device.appliedThrough {
            guard case .accepted = outcome.outcomes.first(where: { $0.counter == write.dot.counter })?.result else { continue }
            for territory in [before[offset], after[offset]].compactMap({ $0 }) {
                #expect(scope.contains(territory), "device \(request.device.number)'s write to \(write.record), outside its scope, was accepted")
            }
        }
    }

    /// Syncs every device whole, without faults, until nothing is pending.
    mutating func quiesce() async throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<4 {
            for index in devices.indices {
                while !devices[index].wiped {
                    try await sync(index, &rng, faults: false)
                    if devices[index].pending.isEmpty { break }
                }
            }
        }
    }

    /// Every live device holds exactly the hub's states of its scope, nothing is
    /// pending, and every write it issued was accepted once or is visibly refused.
    func checkConvergence() async throws {
        let records = try await admin.ledger.snapshot { ledger in
            try ledger.records(RecordSelection(territories: Set(SimulatedCompany.territories.map(\.id)), includeGlobal: true),
                               after: 0, through: nil, limit: .max)
        }
        for (index, device) in devices.enumerated() where !device.wiped {
            let scope = assignments[users[index].id] ?? []
            #expect(device.pending.isEmpty, "device \(device.number) still has pending writes")
            let expected = records.filter { $0.territory.map(scope.contains) ?? true }
            #expect(Set(device.base.keys) == Set(expected.map(\.state.id)), "device \(device.number) holds other records than its scope")
            for record in expected {
                #expect(device.base[record.state.id]?.state == record.state, "device \(device.number) diverged on \(record.state.id)")
                #expect(device.base[record.state.id]?.territory == record.territory, "device \(device.number) files \(record.state.id) elsewhere")
            }
            var acks: Set<Dot> = []
            for entry in device.accepted { #expect(acks.insert(entry.write.dot).inserted, "write \(entry.write.dot) was acknowledged twice") }
            let refused = Set(device.rejected.map(\.write.dot))
            for counter in (0..<device.writeCounter).map({ $0 + 1 }) {
                let dot = Dot(replica: device.replica, counter: counter)
                #expect(acks.contains(dot) != refused.contains(dot), "write \(dot) vanished or was both accepted and refused")
            }
        }
    }

    /// The hub's states against the log of accepted writes: a field entry survives iff
    /// no later accepted write to the field superseded it (its author had seen it or
    /// wrote it), and the winner is the highest hub stamp whatever the clocks said.
    func checkOracle() async throws {
        var byRecord: [RecordID: [(write: Write, stamp: UInt64)]] = [:]
        for entry in acceptedByHub.values { byRecord[entry.write.record, default: []].append(entry) }
        for device in devices {
            for entry in device.accepted {
                #expect(acceptedByHub[entry.write.dot]?.stamp == entry.stamp, "device \(device.number) holds an ack the hub never gave")
            }
        }
        let ids = Array(byRecord.keys)
        let stored = try await admin.ledger.snapshot { ledger in try ids.map { try ledger.record($0) } }
        for record in stored {
            guard let record else {
                Issue.record("an accepted record vanished from the hub")
                continue
            }
            let writes = byRecord[record.state.id] ?? []
            let fields = Set(writes.flatMap { $0.write.operation.fields.keys })
            for field in fields {
                let touching = writes.filter { $0.write.operation.fields[field] != nil }
                let survivors = touching.filter { old in
                    !touching.contains { new in
                        new.stamp > old.stamp
                            && (new.write.context.contains(Dot(replica: ReplicaID.hub, counter: old.stamp))
                                || new.write.dot.replica == old.write.dot.replica)
                    }
                }
                #expect(record.state.siblings(of: field).map(\.stamp.counter) == survivors.map(\.stamp).sorted(), "field \(field) of \(record.state.id)")
                if let winner = survivors.max(by: { $0.stamp < $1.stamp }) {
                    #expect(record.state.view(policy: .updateWins).values[field] == winner.write.operation.fields[field],
                            "the winner of field \(field) of \(record.state.id) is not the highest hub stamp")
                }
            }
        }
    }
}
