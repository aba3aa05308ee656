import ArgumentParser
import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost accounts merge KEEP DROP`: moves DROP's contacts, opportunities and
/// activities (their quotes and orders follow their opportunities) to KEEP and deletes
/// DROP, as one change set: every write of it is made in one transaction and they
/// reach the server together.
struct MergeAccounts: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge", abstract: "Merge a duplicate account into the one you keep; its children move, it is deleted.",
        discussion: """
            Empty fields of KEEP take DROP's values; the later last visit is kept.
            Example:
              outpost accounts merge "Ironhill Haulage AG" 9bf49334
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The account to keep (name, id or short id).") var keep: String
    @Argument(help: "The duplicate to merge into it and delete.") var drop: String

    func run() throws {
        let directory = Directory(replica: try options.open())
        let kept = try directory.find(keep, kind: .account)
        let dropped = try directory.find(drop, kind: .account)
        guard kept.id != dropped.id else { throw ReplicaError(.invalid, "KEEP and DROP are the same account; name two accounts") }
        let children = try AccountChildren.of(dropped.id, directory)
        var edits: [Edit] = children.records.compactMap { child in
            child.kind.fieldID(named: "account_id").map { .update(child.record.id, fields: [$0: .bytes(kept.id.bytes)]) }
        }
        var filled: [FieldID: FieldValue] = [:]
        for field in ReplicatedKind.account.fields where field.name != "territory_id" && field.name != "name" {
            guard let theirs = dropped.view.values[field.id] else { continue }
            let ours = kept.view.values[field.id]
            if field.name == "last_visit", case .int(let mine)? = ours, case .int(let other) = theirs, other > mine {
                filled[field.id] = theirs
            } else if ours == nil || ours == .string("") {
                filled[field.id] = theirs
            }
        }
        if !filled.isEmpty { edits.append(.update(kept.id, fields: filled)) }
        edits.append(.delete(dropped.id))
        try directory.replica.apply(edits)
        if output.json {
            return try Output.json(["kept": EntityIDText.uuid(kept.id), "deleted": EntityIDText.uuid(dropped.id),
                                    "moved": String(children.records.count)])
        }
        print("Merged \(Directory.label(dropped)) (\(Directory.shortID(dropped.id))) into \(Directory.label(kept)) "
              + "(\(Directory.shortID(kept.id))): moved \(children.isEmpty ? "nothing" : children.summary), deleted the duplicate; "
              + "it syncs next time as one change set.")
    }
}
