import FieldClient
import Foundation
import MergeEngine
import OutpostReplication
import TerminalOutput

/// Records as rows for people (a table fitted to the terminal, or in full with `--wide`;
/// references shown by name; owners shown to managers) and
/// for scripts (JSON objects with every field as text).
enum RecordTable {
    /// A field's text, with references replaced by the referenced record's name.
    static func cell(_ record: LocalRecord, _ name: String, _ directory: Directory) throws -> String {
        guard let id = record.kind.fieldID(named: name), let field = record.kind.fields.first(where: { $0.id == id }) else { return "" }
        let value = record.view.values[id] ?? .null
        if name.hasSuffix("_id"), case .bytes(let bytes) = value, let reference = try? RecordID(bytes: bytes) {
            return try directory.name(of: reference, kind: RecordQuery.referencedKind(record.kind, id))
        }
        return FieldText.format(value, field: field, kind: record.kind, fields: record.view.values)
    }

    /// Prints `records` as a table of `listing`'s columns, or as JSON.
    static func print(_ records: [LocalRecord], total: Int, _ listing: KindListing, _ directory: Directory, json: Bool,
                      page: Int = 1, limit: Int, wide: Bool = false) throws {
        if json {
            return try Output.json(records.map { try object($0, directory) })
        }
        if records.isEmpty { return Swift.print("No \(listing.command) match.") }
        var columns = listing.columns
        if listing.kind.fieldID(named: "owner_id") != nil, try directory.replica.identity().role != "rep" {
            columns.append("owner_id")  // a manager's list mixes several reps' records
        }
        let headers = ["ID"] + columns.map { $0.replacingOccurrences(of: "_id", with: "").replacingOccurrences(of: "_", with: " ").uppercased() }
        let rows = try records.map { record in
            [Directory.shortID(record.id) + (record.pending.isEmpty ? "" : "*") + (record.view.hasConflicts ? "!" : "")]
                + (try columns.map { try cell(record, $0, directory) })
        }
        if wide { Output.table(headers, rows, maxCellWidth: Int.max) } else { Output.table(headers, rows, fitting: TerminalWidth.columns) }
        let first = (page - 1) * limit + 1
        Swift.print("\(first)–\(first + records.count - 1) of \(total)\(total > first + records.count - 1 ? "; next: --page \(page + 1)" : "")"
            + (records.contains { !$0.pending.isEmpty } ? "  (* not yet synced)" : "")
            + (records.contains { $0.view.hasConflicts } ? "  (! conflict: outpost conflicts list)" : ""))
    }

    /// A record as a JSON object: `id`, `kind`, every field by name as text, references also by name.
    static func object(_ record: LocalRecord, _ directory: Directory) throws -> [String: String] {
        var object = ["id": "\(EntityIDText.uuid(record.id))", "kind": record.kind.name]
        for field in record.kind.fields {
            let value = record.view.values[field.id] ?? .null
            object[field.name] = value == .null ? "" : record.kind.text(of: value, field: field.id, in: record.view.values)
            if field.name.hasSuffix("_id"), value != .null {
                object[String(field.name.dropLast(3)) + "_name"] = try cell(record, field.name, directory)
            }
        }
        return object
    }
}

/// Record ids as people type them: lower-case UUIDs with dashes.
enum EntityIDText {
    static func uuid(_ id: RecordID) -> String {
        let hex = Array("\(id)")
        guard hex.count == 32 else { return String(hex) }
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
    }
}
