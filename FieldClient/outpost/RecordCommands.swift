import ArgumentParser
import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// A record named on the command line: `KIND ID`.
struct RecordReference: ParsableArguments {
    @Argument(help: "The record kind: account, contact, lead, opportunity, activity, …")
    var kind: String

    @Argument(help: "The record id (a UUID).")
    var id: String

    func resolve() throws -> (ReplicatedKind, RecordID) {
        guard let kind = ReplicatedKind.allCases.first(where: { $0.name == kind.lowercased() }) else {
            let names = ReplicatedKind.allCases.map(\.name).joined(separator: ", ")
            throw ReplicaError(.invalid, "unknown kind \"\(kind)\"; use one of \(names)")
        }
        guard let uuid = UUID(uuidString: id) else { throw ReplicaError(.invalid, "\"\(id)\" is not a record id (a UUID)") }
        return (kind, RecordID(EntityID<Account>(uuid)))
    }
}

/// `outpost show KIND ID`: every field, with conflicting values and pending changes.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show a record's fields as this device sees them, with conflicts.",
        discussion: "Example:\n  outpost show account 3f2b8c1e-0d5a-4c1e-9b7a-2f1d4e6a8b90"
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @OptionGroup var reference: RecordReference

    func run() throws {
        let (kind, id) = try reference.resolve()
        guard let record = try options.open().record(id), record.kind == kind else {
            throw ReplicaError(.notFound, "no \(kind.name) \(reference.id) in this replica; sync, or check the id")
        }
        try RecordDetail.print(record, json: output.json)
    }
}

/// `outpost set KIND ID FIELD=VALUE …`: changes fields offline.
struct SetFields: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Change fields of a record offline; the change syncs next time.",
        discussion: """
            An empty value clears an optional field. Setting a field in conflict resolves the conflict.
            Example:
              outpost set account 3f2b8c1e-0d5a-4c1e-9b7a-2f1d4e6a8b90 \\
                phone="+49 89 1234" city=Munich
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var reference: RecordReference

    @Argument(help: "FIELD=VALUE pairs.")
    var assignments: [String]

    func run() throws {
        let (kind, id) = try reference.resolve()
        let replica = try options.open()
        guard let record = try replica.record(id), record.kind == kind else {
            throw ReplicaError(.notFound, "no \(kind.name) \(reference.id) in this replica; sync, or check the id")
        }
        let fields = try FieldAssignments.parse(assignments, kind: kind, base: record.view.values)
        try replica.update(id, fields: fields)
        print("Changed \(fields.count) field\(fields.count == 1 ? "" : "s") of \(kind.name) \(reference.id.lowercased()); it syncs next time.")
    }
}
