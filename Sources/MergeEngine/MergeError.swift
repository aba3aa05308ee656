/// Errors raised by the merge engine. Each case says what to do about it.
public enum MergeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A record id was built from the wrong number of bytes.
    case invalidRecordID(byteCount: Int)
    /// Two states of different records were joined.
    case recordMismatch(RecordID, RecordID)
    /// A state reassembled from stored or received parts breaks an invariant.
    case invalidState(RecordID, String)

    public var description: String {
        switch self {
        case .invalidRecordID(let count):
            "A record id needs exactly 16 bytes, got \(count); pass a UUID's raw bytes."
        case .recordMismatch(let a, let b):
            "Cannot join states of different records \(a) and \(b); join states per record id."
        case .invalidState(let id, let problem):
            "The state of record \(id) is corrupt: \(problem); it was not used. Fetch the record again from the server."
        }
    }
}
