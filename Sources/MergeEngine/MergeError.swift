/// Errors raised by the merge engine. Each case says what to do about it.
public enum MergeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A record id was built from the wrong number of bytes.
    case invalidRecordID(byteCount: Int)
    /// Two states of different records were joined.
    case recordMismatch(RecordID, RecordID)
    /// The record is not known to this replica.
    case unknownRecord(RecordID)
    /// The record already exists; creating it again would hide its history.
    case recordExists(RecordID)
    /// The record is deleted in this replica's view.
    case recordDeleted(RecordID)
    /// The record has no delete to undo.
    case notDeleted(RecordID)
    /// An update named no field.
    case emptyUpdate(RecordID)
    /// The hub has no ledger for this device.
    case unknownDevice(ReplicaID)
    /// A push contained a write whose dot belongs to another replica.
    case foreignWrite(device: ReplicaID, writer: ReplicaID)
    /// A device replica was given data from a different hub.
    case wrongHub(expected: ReplicaID, received: ReplicaID)
    /// A device was asked to rebootstrap from something that is not a snapshot.
    case notASnapshot
    /// A state reassembled from stored or received parts breaks an invariant.
    case invalidState(RecordID, String)

    public var description: String {
        switch self {
        case .invalidRecordID(let count):
            "A record id needs exactly 16 bytes, got \(count); pass a UUID's raw bytes."
        case .recordMismatch(let a, let b):
            "Cannot join states of different records \(a) and \(b); join states per record id."
        case .unknownRecord(let id):
            "Record \(id) is unknown here; create it first or sync to receive it."
        case .recordExists(let id):
            "Record \(id) already exists; update it instead of creating it again."
        case .recordDeleted(let id):
            "Record \(id) is deleted; restore it before editing."
        case .notDeleted(let id):
            "Record \(id) has no delete to undo; update it instead."
        case .emptyUpdate(let id):
            "The update of record \(id) names no field; pass at least one field value."
        case .unknownDevice(let id):
            "Device \(id) is not registered at the hub; call Hub.register(device:) when it enrols."
        case .foreignWrite(let device, let writer):
            "Device \(device) pushed a write stamped by \(writer); a device may only push its own writes."
        case .wrongHub(let expected, let received):
            "This replica syncs with hub \(expected) but received data from \(received); rebootstrap against the new hub."
        case .invalidState(let id, let problem):
            "The state of record \(id) is corrupt: \(problem); it was not used. Fetch the record again from the server."
        case .notASnapshot:
            "Rebootstrapping needs a full snapshot from Hub.snapshot(for:), not an incremental batch."
        }
    }
}
