import FieldClient
import MergeEngine
import OutpostReplication

/// Field values as people read and type them, in the forms of
/// ``ReplicatedKind/text(of:field:in:)``.
enum FieldText {
    /// `value` of `field` for display; a cleared value shows as `—`.
    /// - Parameter fields: The record's fields (money reads its currency there).
    static func format(_ value: FieldValue, field: FieldDescriptor, kind: ReplicatedKind, fields: [FieldID: FieldValue]) -> String {
        value == .null ? "—" : kind.text(of: value, field: field.id, in: fields)
    }

    /// Parses `text` for `field`; empty text clears an optional field.
    /// - Parameter fields: The record's fields with the changes parsed so far, so an
    ///   amount takes the scale of a currency set in the same command.
    static func parse(_ text: String, field: FieldDescriptor, kind: ReplicatedKind, fields: [FieldID: FieldValue]) throws(ReplicaError) -> FieldValue {
        do {
            return try kind.value(parsing: text, field: field.id, in: fields)
        } catch {
            throw ReplicaError(.invalid, "\(error.field) \(error.message)")
        }
    }
}
