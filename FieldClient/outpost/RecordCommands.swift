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

    func run() throws {
        let (kind, id) = try reference.resolve()
        guard let record = try options.open().record(id), record.kind == kind else {
            throw ReplicaError(.notFound, "no \(kind.name) \(reference.id) in this replica; sync, or check the id")
        }
        let view = record.view
        let fields = kind.fields.map { field in
            Field(name: field.name,
                  value: FieldText.format(view.values[field.id] ?? .null, field: field, kind: kind, fields: view.values),
                  conflicts: (view.conflicts[field.id] ?? []).map {
                      FieldText.format($0.value, field: field, kind: kind, fields: view.values)
                  })
        }
        let shown = Shown(kind: kind.name, id: reference.id.lowercased(), deleted: view.isDeleted, pending: record.pending.count, fields: fields)
        if output.json { return try Output.json(shown) }
        print("\(kind.name) \(shown.id)\(shown.deleted ? " (deleted)" : "")\(shown.pending > 0 ? " — \(shown.pending) change(s) not yet synced" : "")")
        Output.table(["FIELD", "VALUE", "CONFLICTING"], fields.map { [$0.name, $0.value, $0.conflicts.joined(separator: " | ")] }, maxCellWidth: 40)
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
              outpost set account 3f2b8c1e-0d5a-4c1e-9b7a-2f1d4e6a8b90 phone="+49 89 1234" city=Munich
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
            fields[change.field.id] = try FieldText.parse(change.text, field: change.field, kind: kind,
                                                          fields: record.view.values.merging(fields) { $1 })
        }
        try replica.update(id, fields: fields)
        print("Changed \(fields.count) field\(fields.count == 1 ? "" : "s") of \(kind.name) \(reference.id.lowercased()); it syncs next time.")
    }
}
