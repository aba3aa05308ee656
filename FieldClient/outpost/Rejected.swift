import ArgumentParser
import FieldClient
import Foundation
import OutpostReplication
import TerminalOutput

/// `outpost rejected list`: writes the server refused, and why.
struct Rejected: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List changes the server refused, with its reasons.",
        discussion: "Example:\n  outpost rejected list --json",
        subcommands: [List.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List refused changes.")
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        struct Entry: Encodable {
            let change: UInt64
            let kind: String
            let record: String
            let reason: String
            let message: String
            let at: Date
        }

        func run() throws {
            let entries = try options.open().rejectedWrites().map { entry in
                Entry(change: entry.counter, kind: entry.kind?.name ?? "unknown", record: "\(entry.record)",
                      reason: "\(entry.code)", message: entry.message, at: entry.rejectedAt)
            }
            if output.json { return try Output.json(entries) }
            if entries.isEmpty { return print("No rejected changes.") }
            Output.table(["CHANGE", "KIND", "REASON", "MESSAGE"], entries.map { ["\($0.change)", $0.kind, $0.reason, $0.message] },
                         maxCellWidth: 60)
        }
    }
}
