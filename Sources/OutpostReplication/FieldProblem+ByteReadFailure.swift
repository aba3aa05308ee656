import ByteCoding
import MergeEngine
import OutpostModel

/// Bytes of a field value's layout that cannot be read make the field invalid.
extension FieldProblem: ByteReadFailure {
    /// The value's bytes end early.
    static func truncated(_ message: String) -> FieldProblem { .invalid(message + "; the bytes were cut short") }
    /// The value's bytes do not parse.
    static func malformed(_ message: String) -> FieldProblem { .invalid(message + "; the bytes are corrupt") }
}

extension ByteWriter {
    /// An entity id: its 16 UUID bytes.
    mutating func id<Entity>(_ id: EntityID<Entity>) { recordID(RecordID(id)) }
}

extension ByteReader {
    /// An entity id of 16 UUID bytes.
    mutating func id<Entity>() throws(Failure) -> EntityID<Entity> { EntityID(try recordID()) }
}
