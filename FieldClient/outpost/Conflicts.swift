import ArgumentParser
import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost conflicts list|resolve`: fields written concurrently, with every value,
/// who wrote it and when; resolving is a write that has seen them all.
struct Conflicts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "See fields edited concurrently on two devices, and settle them.",
        discussion: "Example:\n  outpost conflicts list\n  outpost conflicts resolve 3f2b8c1e phone --pick 2",
        subcommands: [List.self, Resolve.self])

    /// One value of a field in conflict.
    struct Value: Encodable {
        let choice: Int
        let value: String
        let writer: String
        let at: Date
        let winning: Bool
    }

    /// One field in conflict.
    struct Entry: Encodable {
        let kind: String
        let id: String
        let record: String
        let field: String
        let values: [Value]
    }

    /// Every field in conflict in writable kinds.
    static func entries(_ directory: Directory) throws -> [Entry] {
        let naming = try DeviceNaming(directory)
        var entries: [Entry] = []
        for record in try directory.replica.conflictedRecords().sorted(by: { ($0.kind.rawValue, $0.id) < ($1.kind.rawValue, $1.id) }) {
            let kind = record.kind
            if record.view.hasConflicts {
                for slot in record.state.fields where slot.siblings.count > 1 {
                    guard let field = kind.fields.first(where: { $0.id == slot.id }) else { continue }
                    let ordered = Array(slot.siblings.reversed())
                    let values = ordered.enumerated().map { index, entry in
                        Value(choice: index + 1,
                              value: FieldText.format(entry.value, field: field, kind: kind, fields: record.view.values),
                              writer: naming.writer(entry.origin),
                              at: Date(milliseconds: entry.time.milliseconds), winning: index == 0)
                    }
                    entries.append(Entry(kind: kind.name, id: EntityIDText.uuid(record.id), record: Directory.label(record),
                                         field: field.name, values: values))
                }
                if let conflict = record.view.deleteConflict {
                    // A delete concurrent with a change: the change wins (update wins), the delete is shown beside it.
                    let writer = naming.writer
                    let changed = conflict.updatedFields.compactMap { id in kind.fields.first { $0.id == id }?.name }
                    let values = [Value(choice: 1, value: "kept, changed: \(changed.joined(separator: ", "))",
                                        writer: conflict.restores.first.map { writer($0.origin) } ?? "another device",
                                        at: Date(milliseconds: conflict.restores.first?.time.milliseconds ?? 0), winning: true)]
                        + conflict.tombstones.enumerated().map { index, entry in
                            Value(choice: index + 2, value: "deleted", writer: writer(entry.origin),
                                  at: Date(milliseconds: entry.time.milliseconds), winning: false)
                        }
                    entries.append(Entry(kind: kind.name, id: EntityIDText.uuid(record.id), record: Directory.label(record),
                                         field: "(exists)", values: values))
                }
            }
        }
        return entries
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List fields in conflict: every value, who wrote it and when; value 1 is the one shown.",
            discussion: "Examples:\n  outpost conflicts list --wide\n  outpost conflicts list --json")
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Flag(help: "Print every cell in full instead of fitting the table to the terminal.") var wide = false

        func run() throws {
            let entries = try Conflicts.entries(Directory(replica: try options.open()))
            if output.json { return try Output.json(entries) }
            if entries.isEmpty { return print("No conflicts.") }
            let time = DateFormatter()
            time.dateFormat = "MM-dd HH:mm"
            let rows = entries.flatMap { entry in
                entry.values.map { value in
                    [value.choice == 1 ? ShortID.of(entry.id) : "", value.choice == 1 ? entry.record : "",
                     value.choice == 1 ? entry.field : "", "\(value.choice)\(value.winning ? "*" : "")", value.value, value.writer,
                     time.string(from: value.at)]
                }
            }
            let headers = ["ID", "RECORD", "FIELD", "#", "VALUE", "WRITER", "AT"]
            if wide { Output.table(headers, rows, maxCellWidth: Int.max) } else { Output.table(headers, rows, fitting: TerminalWidth.columns) }
            print("* shown now. Settle with: outpost conflicts resolve ID FIELD --pick N (or --value TEXT)")
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Settle a conflict by picking one of its values or entering a new one.",
            discussion: """
                The choice is a write that has seen every value, so it settles the field on every device at the next sync.
                Examples:
                  outpost conflicts resolve 3f2b8c1e phone --pick 2
                  outpost conflicts resolve 3f2b8c1e phone --value "+49 89 1234"
                """)
        @OptionGroup var options: ReplicaOptions
        @Argument(help: "The record's id or short id.") var record: String
        @Argument(help: "The field in conflict.") var field: String
        @Option(help: "The number of the value to keep, as conflicts list shows it.") var pick: Int?
        @Option(help: "A new value instead of either.") var value: String?

        func run() throws {
            guard (pick == nil) != (value == nil) else { throw ReplicaError(.invalid, "give either --pick N or --value TEXT") }
            let directory = Directory(replica: try options.open())
            let found = ReplicatedKind.allCases.filter(\.isDeviceWritable).lazy.compactMap { kind in
                try? directory.find(self.record, kind: kind)
            }.first
            guard let target = found else { throw ReplicaError(.notFound, "no record \"\(record)\" in this replica") }
            guard let fieldID = target.kind.fieldID(named: field), let slot = target.state.fields.first(where: { $0.id == fieldID }),
                  slot.siblings.count > 1 else {
                throw ReplicaError(.invalid, "\(target.kind.name) \(Directory.shortID(target.id)) has no conflict on \"\(field)\"; see outpost conflicts list")
            }
            let chosen: FieldValue
            if let pick {
                let ordered = Array(slot.siblings.reversed())
                guard (1...ordered.count).contains(pick) else { throw ReplicaError(.invalid, "--pick takes 1 to \(ordered.count)") }
                chosen = ordered[pick - 1].value
            } else {
                chosen = try FieldAssignments.parse(["\(field)=\(value ?? "")"], kind: target.kind, base: target.view.values,
                                                    directory: directory)[fieldID] ?? .null
            }
            try directory.replica.update(target.id, fields: [fieldID: chosen])
            print("Resolved \(field) of \(target.kind.name) \(Directory.shortID(target.id)); every device sees it after the next sync.")
        }
    }
}
