import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// One record with every field, its conflicting values and pending changes.
enum RecordDetail {
    struct Field: Encodable {
        let name: String
        let value: String
        let conflicts: [String]
    }

    struct Shown: Encodable {
        let kind: String
        let id: String
        let deleted: Bool
        let pending: Int
        let fields: [Field]
    }

    /// Prints `record` as a field table, or as JSON; with a `directory`, references
    /// also show the referenced record's name.
    static func print(_ record: LocalRecord, json: Bool, directory: Directory? = nil) throws {
        let kind = record.kind
        let view = record.view
        let fields = try kind.fields.map { field in
            var value = FieldText.format(view.values[field.id] ?? .null, field: field, kind: kind, fields: view.values)
            if let directory, !json, field.name.hasSuffix("_id"), view.values[field.id] != .null {
                value = "\(try RecordTable.cell(record, field.name, directory)) (\(ShortID.of(value)))"
            }
            return Field(name: field.name,
                  value: value,
                  conflicts: (view.conflicts[field.id] ?? []).map {
                      FieldText.format($0.value, field: field, kind: kind, fields: view.values)
                  })
        }
        let shown = Shown(kind: kind.name, id: EntityIDText.uuid(record.id), deleted: view.isDeleted, pending: record.pending.count,
                          fields: fields)
        if json { return try Output.json(shown) }
        Swift.print("\(kind.name) \(shown.id)\(shown.deleted ? " (deleted)" : "")"
            + (shown.pending > 0 ? " — \(shown.pending) change(s) not yet synced" : ""))
        Output.table(["FIELD", "VALUE", "CONFLICTING"], fields.map { [$0.name, $0.value, $0.conflicts.joined(separator: " | ")] },
                     fitting: 80)
    }
}
