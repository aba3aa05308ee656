import SeededRandom
@testable import MergeEngine

/// Shared fixtures and a tiny network simulator for the merge-engine tests.
enum Fixture {
    static let hubID = ReplicaID(1)
    static let noon = WallClock(milliseconds: 1_750_000_000_000)
    static let day: Int64 = 24 * 60 * 60 * 1000
    static let account = RecordTypeID(1)
    static let visit = RecordTypeID(2)
    /// Accounts: update wins (default). Visits: delete wins.
    static let schema = MergeSchema(policies: [visit: .deleteWins])

    static func record(_ n: UInt64) -> RecordID { RecordID(high: 0xA11C_E000, low: n) }
    static func field(_ n: UInt16) -> FieldID { FieldID(n) }
    static func device(_ n: UInt32) -> ReplicaID { ReplicaID(100 + n) }

    static func hub(devices: Int) -> (Hub, [DeviceReplica]) {
        var hub = Hub(id: hubID, schema: schema)
        var replicas: [DeviceReplica] = []
        for n in 0..<devices {
            hub.register(device: device(UInt32(n)))
            replicas.append(DeviceReplica(id: device(UInt32(n)), hub: hubID, schema: schema))
        }
        return (hub, replicas)
    }
}

extension Hub {
    /// Pushes the device's pending writes (whole), then pulls everything (whole),
    /// rebootstrapping when told to. Returns the push outcomes.
    @discardableResult
    mutating func sync(_ device: inout DeviceReplica, now: WallClock = Fixture.noon) throws -> PushResult {
        var result = try receive(device.pushRequest(), now: now)
        if device.handle(result) {
            try device.rebootstrap(from: snapshot(for: device.id))
            result = try receive(device.pushRequest(), now: now)
            device.handle(result)
        }
        switch try changes(for: device.id, since: device.watermark) {
        case .changes(let batch):
            let complete = try device.apply(batch)
            precondition(complete, "a whole batch must complete")
        case .rebootstrapRequired:
            try device.rebootstrap(from: snapshot(for: device.id))
        }
        return result
    }

    /// Syncs every device twice (push, then pull what the others pushed).
    mutating func syncAll(_ devices: inout [DeviceReplica], now: WallClock = Fixture.noon) throws {
        for _ in 0..<2 {
            for index in devices.indices { try sync(&devices[index], now: now) }
        }
    }
}

