import ArgumentParser
import FieldClient
import MergeEngine
import Foundation
import OutpostInterchange
import OutpostReplication

/// `outpost export`: the replica's records as CSV, one file per kind.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the replica's records as CSV (one file per kind, or one kind to standard output).",
        discussion: """
            Values are written as the replica shows them (winners of any conflict).
            Examples:
              outpost export account > accounts.csv
              outpost export all --out ./csv
            """
    )
    @OptionGroup var options: ReplicaOptions

    @Argument(help: "A kind (account, contact, lead, opportunity, activity, …) or all.")
    var kind: String

    @Option(help: "The folder for `all` (one KIND.csv per kind).")
    var out: String?

    func run() throws {
        let replica = try options.open()
        if kind == "all" {
            guard let out else { throw ReplicaError(.invalid, "export all writes one file per kind: pass --out FOLDER") }
            let folder = URL(fileURLWithPath: out, isDirectory: true)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for kind in ReplicatedKind.allCases {
                let records = try replica.records(of: kind).filter { !$0.view.isDeleted }
                guard !records.isEmpty else { continue }
                try Data(csv(kind, records).utf8).write(to: folder.appendingPathComponent("\(kind.name).csv"))
            }
            return
        }
        guard let chosen = ReplicatedKind(name: kind.lowercased()) else {
            throw ReplicaError(.invalid, "unknown kind \"\(kind)\"; use all or one of " + ReplicatedKind.allCases.map(\.name).joined(separator: ", "))
        }
        print(csv(chosen, try replica.records(of: chosen).filter { !$0.view.isDeleted }), terminator: "")
    }

    private func csv(_ kind: ReplicatedKind, _ records: [LocalRecord]) -> String {
        CSVWriter.text(header: kind.csvHeader, rows: records.map { kind.csvRow(id: $0.id, fields: $0.view.values) })
    }
}
