import FieldClient
import MergeEngine
import OutpostReplication

/// `FIELD=VALUE` arguments turned into field values of one kind, in the text forms of
/// `Protocol/RECORDS.md`; a reference may also be given by name when a directory is at hand.
enum FieldAssignments {
    /// Parses `assignments` against the record's current `base` fields.
    /// - Throws: `.invalid` for a malformed pair, an unknown field or a value the field refuses.
    static func parse(_ assignments: [String], kind: ReplicatedKind, base: [FieldID: FieldValue],
                      directory: Directory? = nil) throws -> [FieldID: FieldValue] {
        var changes: [(field: FieldDescriptor, text: String)] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ReplicaError(.invalid, "\"\(assignment)\" is not FIELD=VALUE")
            }
            let name = String(assignment[..<equals])
            guard let field = kind.fields.first(where: { $0.name == name }) else {
                throw ReplicaError(.invalid, "\(kind.name) has no field \"\(name)\"; fields: " + kind.fields.map(\.name).joined(separator: ", "))
            }
            changes.append((field, String(assignment[assignment.index(after: equals)...])))
        }
        // The currency first: amounts in the same command take its scale.
        var fields: [FieldID: FieldValue] = [:]
        for change in changes.filter({ $0.field.name == "currency" }) + changes.filter({ $0.field.name != "currency" }) {
            if let directory, change.field.name.hasSuffix("_id"), !change.text.isEmpty,
               (try? FieldText.parse(change.text, field: change.field, kind: kind, fields: base)) == nil {
                let target = RecordQuery.referencedKind(kind, change.field.id)
                fields[change.field.id] = .bytes(try directory.find(change.text, kind: target).id.bytes)
                continue
            }
            fields[change.field.id] = try FieldText.parse(change.text, field: change.field, kind: kind,
                                                          fields: base.merging(fields) { $1 })
        }
        return fields
    }
}
