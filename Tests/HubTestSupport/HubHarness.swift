public import Foundation
public import HubCore
public import MergeEngine
public import OutpostModel
import OutpostReplication

/// The shipped hub over an ``InMemoryLedger`` with reps of one territory, each with a
/// ``SimulatedDevice``: for tests that script a few syncs by hand.
public struct HubHarness {
    /// The ledger.
    public let ledger = InMemoryLedger()
    /// The hub.
    public let hub: SyncHub<InMemoryLedger>
    /// The territory every rep works.
    public let territory = TerritoryID()
    /// The devices, one per rep.
    public var devices: [SimulatedDevice] = []
    /// The hub's clock for requests.
    public var now = Date(timeIntervalSince1970: 1_780_000_000)

    /// A hub with `count` devices, taking at most `maxWritesPerRequest` writes per request.
    public init(devices count: Int, maxWritesPerRequest: Int = 1000) {
        hub = SyncHub(ledger: ledger, limits: HubLimits(maxWritesPerRequest: maxWritesPerRequest, burst: .max, requestsPerSecond: 1))
        for _ in 0..<count { enrolDevice() }
    }

    /// Enrols one more rep's device; returns its index.
    @discardableResult
    public mutating func enrolDevice() -> Int {
        let user = User(name: "rep\(devices.count)", displayName: "Rep", role: .rep, territoryIDs: [territory])
        devices.append(SimulatedDevice(number: ledger.enrol(user).number))
        return devices.count - 1
    }

    /// Syncs device `index` whole: pushes its pending writes and applies every step.
    @discardableResult
    public mutating func sync(_ index: Int) async throws -> PushOutcome? {
        let request = devices[index].nextRequest()
        let device = try await hub.device(number: devices[index].number)
        try hub.authorise(device, counter: request.counter)
        let asked = DeviceRequest(device: device, counter: request.counter, cursor: request.cursor, writes: request.writes)
        guard case .applied(let report, var delivery) = try await hub.pushThenDeliver(asked, now: now) else {
            devices[index].wipe()
            return nil
        }
        while let step = try await delivery.next() { try devices[index].apply(step) }
        return report.outcome
    }

    /// Pushes `writes` from device `index` as request `counter` from the start of its
    /// scope, without delivering anything; returns the outcome the hub answers.
    public func push(_ counter: UInt64, _ writes: [Write], identities: [UInt64: WriteIdentity] = [:],
                     from index: Int = 0) async throws -> PushOutcome {
        let device = try await hub.device(number: devices[index].number)
        let request = DeviceRequest(device: device, counter: counter, cursor: .start, writes: writes, identities: identities)
        guard case .applied(let report) = try await hub.push(request, now: now) else {
            throw RequestRefusal.unknownDevice(devices[index].number)
        }
        return report.outcome
    }

    /// Syncs every device twice, so each receives what the others pushed.
    public mutating func syncAll() async throws {
        for _ in 0..<2 { for index in devices.indices { try await sync(index) } }
    }

    /// The hub's state of `record`.
    public func state(_ record: RecordID) async throws -> RecordState? {
        try await ledger.snapshot { try $0.record(record)?.state }
    }

    /// An account of the harness's territory named `name`.
    public func account(_ name: String) -> Account { Account(territoryID: territory, name: name) }

    /// Device `index` creates `account` offline at `time`.
    @discardableResult
    public mutating func create(_ account: Account, on index: Int, at time: WallClock) -> Write {
        devices[index].write(account.recordID, .create(type: ReplicatedKind.account.typeID, fields: account.fields), at: time)
    }

    /// The field of accounts called `name`.
    public static func field(_ name: String) -> FieldID {
        guard let id = ReplicatedKind.account.fieldID(named: name) else { preconditionFailure("accounts have no field \(name)") }
        return id
    }
}
