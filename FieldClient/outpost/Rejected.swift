import ArgumentParser
import FieldClient
import Foundation
import MergeEngine
import OutpostInterchange
import OutpostReplication
import TerminalOutput

/// `outpost rejected list|show|export|discard`: changes the server refused, kept in full
/// on this device until the rep discards them.
struct Rejected: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "See, export or discard changes the server refused, with every value they held and the reason.",
        discussion: """
            A refused change stays on this device, whole, until you discard it, even when its
            record has left your replica (a territory moved). Copy what you need, then discard it.
            Examples:
              outpost rejected list
              outpost rejected show 12
              outpost rejected export --format csv --output refused.csv
              outpost rejected discard 12
            """,
        subcommands: [List.self, Show.self, Export.self, Discard.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List refused changes: kind, record, what changed and why.",
            discussion: "Example:\n  outpost rejected list --json"
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        func run() throws {
            let entries = try options.open().rejectedWrites().map(RejectedChange.init)
            if output.json { return try Output.json(entries) }
            if entries.isEmpty { return print("No rejected changes.") }
            Output.table(["CHANGE", "KIND", "RECORD", "CHANGED", "REASON"],
                         entries.map { ["\($0.change)", $0.kind, $0.recordName, $0.summary, $0.message] }, maxCellWidth: 60)
            print("See one whole with: outpost rejected show CHANGE")
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one refused change: its record, every value it set, and the reason.",
            discussion: "Example:\n  outpost rejected show 12 --json"
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        @Argument(help: "The change number (the CHANGE column of outpost rejected list).")
        var change: UInt64

        func run() throws {
            guard let entry = try options.open().rejectedWrites().first(where: { $0.counter == change }) else {
                throw ReplicaError(.notFound, "no refused change \(change) on this device; see outpost rejected list")
            }
            let shown = RejectedChange(entry)
            if output.json { return try Output.json(shown) }
            print("Change \(shown.change): \(shown.operation) of \(shown.kind) \"\(shown.recordName)\" (\(shown.record))")
            print("Refused \(shown.refusedAt.formatted(.iso8601)) (\(shown.reason)): \(shown.message)")
            Output.table(["FIELD", "VALUE"], shown.fields.map { [$0.name, $0.value] }, fitting: 100)
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write every refused change, with all its values, as JSON or CSV (one row per value).",
            discussion: """
                Examples:
                  outpost rejected export > refused.json
                  outpost rejected export --format csv --output refused.csv
                """
        )
        @OptionGroup var options: ReplicaOptions

        @Option(help: "json or csv.")
        var format: Format = .json

        @Option(help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var output: String?

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, csv
        }

        func run() throws {
            let entries = try options.open().rejectedWrites().map(RejectedChange.init)
            let text: String
            switch format {
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                encoder.dateEncodingStrategy = .iso8601
                text = String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
            case .csv:
                text = CSVWriter.text(
                    header: ["change", "kind", "record_id", "record", "operation", "field", "value", "reason", "message", "refused_at"],
                    rows: entries.flatMap { entry in
                        (entry.fields.isEmpty ? [RejectedChange.Field(name: "", value: "")] : entry.fields).map { field in
                            ["\(entry.change)", entry.kind, entry.record, entry.recordName, entry.operation, field.name, field.value,
                             entry.reason, entry.message, entry.refusedAt.formatted(.iso8601)]
                        }
                    })
            }
            guard let output else { return print(text, terminator: "") }
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: output)) } catch {
                throw ReplicaError(.invalid, "cannot write \(output): \(error.localizedDescription)")
            }
            print("Wrote \(entries.count) refused change(s) to \(output).")
        }
    }

    struct Discard: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete one refused change from this device for good.",
            discussion: "Example:\n  outpost rejected discard 12"
        )
        @OptionGroup var options: ReplicaOptions

        @Argument(help: "The change number (the CHANGE column of outpost rejected list).")
        var change: UInt64

        func run() throws {
            let entry = RejectedChange(try options.open().discardRejected(change))
            print("Discarded change \(entry.change) (\(entry.operation) of \(entry.kind) \"\(entry.recordName)\").")
        }
    }
}

/// A refused change as the `rejected` commands print it.
struct RejectedChange: Encodable {
    struct Field: Encodable {
        let name: String
        let value: String
    }

    let change: UInt64
    let kind: String
    let record: String
    let recordName: String
    /// `create`, `update`, `delete` or `restore`.
    let operation: String
    /// Every value the change set, by field name.
    let fields: [Field]
    let reason: String
    let message: String
    let refusedAt: Date

    init(_ entry: RejectedEntry) {
        change = entry.counter
        record = EntityIDText.uuid(entry.record)
        let values = entry.write.operation.fields
        operation = entry.write.operation.name
        let kind = entry.kind ?? entry.seen?.kind
        self.kind = kind?.name ?? "unknown"
        recordName = entry.seen.map(Directory.label) ?? Directory.shortID(entry.record)
        let context = entry.seen?.view.values.merging(values) { _, set in set } ?? values
        fields = values.sorted { $0.key.rawValue < $1.key.rawValue }.map { id, value in
            guard let kind, let descriptor = kind.fields.first(where: { $0.id == id }) else {
                return Field(name: "field \(id.rawValue)", value: "\(value)")
            }
            return Field(name: descriptor.name, value: FieldText.format(value, field: descriptor, kind: kind, fields: context))
        }
        reason = "\(entry.code)"
        message = entry.message
        refusedAt = entry.rejectedAt
    }

    /// The fields the change set, in a few words.
    var summary: String {
        operation == "delete" ? "delete" : "\(operation): " + fields.map(\.name).joined(separator: ", ")
    }
}
