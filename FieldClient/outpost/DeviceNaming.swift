import FieldClient
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication

/// Who wrote a value, as people read it: `this device`, `server`, or
/// `device 3 (rep.medium, demo-handheld)` from the hub's `device` records in the
/// replica (a device the replica has not heard of yet stays `device 3`).
struct DeviceNaming {
    private let this: ReplicaID
    private let named: [ReplicaID: String]

    init(_ directory: Directory) throws {
        this = try directory.replica.identity().replicaID
        let users = Dictionary(try directory.records(.user).map { ($0.id, Directory.label($0)) }, uniquingKeysWith: { first, _ in first })
        var named: [ReplicaID: String] = [:]
        for record in try directory.records(.device) {
            guard let device = try? directory.decoded(record, as: DeviceName.self),
                  let number = UInt32(exactly: device.number) else { continue }
            named[ReplicaID(number)] = device.described(user: users[RecordID(device.userID)] ?? Directory.shortID(RecordID(device.userID)))
        }
        self.named = named
    }

    /// The writer of a value whose dot names `origin`.
    func writer(_ origin: ReplicaID) -> String {
        if origin == this { return "this device" }
        if origin == ReplicaID.hub { return "server" }
        return named[origin] ?? "device \(origin.rawValue)"
    }

    /// This device as `device 3 (rep.medium, demo-handheld)`, once its name has synced.
    var thisDevice: String { named[this] ?? "device \(this.rawValue)" }
}
