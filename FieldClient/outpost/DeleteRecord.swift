import ArgumentParser
import FieldClient
import MergeEngine
import OutpostReplication
import TerminalOutput

/// `outpost KIND delete NAME_OR_ID`: a replicated delete, made offline.
///
/// The hub merges it like any write: a concurrent update on another device wins (the
/// kind's delete policy, update wins) and the delete shows there as a conflict.
struct DeleteRecord<Kind: KindCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "delete", abstract: "Delete one of your \(Kind.listing.command) offline; every device loses it after syncing.",
            discussion: """
                An account must have no contacts, opportunities or activities left: move them to
                another account with outpost accounts merge KEEP DROP. If someone changes the record
                on another device before they sync your delete, their change wins and the record stays.
                Example:
                  outpost \(Kind.listing.command) delete 3f2b8c1e
                """)
    }
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The record's id, short id or name.") var record: String

    func run() throws {
        let directory = Directory(replica: try options.open())
        let kind = Kind.listing.kind
        let target = try directory.find(record, kind: kind)
        if kind == .account {
            let children = try AccountChildren.of(target.id, directory)
            guard children.isEmpty else {
                throw ReplicaError(.invalid, "\(Directory.label(target)) still has \(children.summary); move them with "
                    + "outpost accounts merge KEEP \(Directory.shortID(target.id)), then delete it")
            }
        }
        try directory.replica.delete(target.id)
        if output.json { return try Output.json(["id": EntityIDText.uuid(target.id), "deleted": "true"]) }
        print("Deleted \(kind.name) \(Directory.label(target)) (\(Directory.shortID(target.id))); it syncs next time.")
    }
}

/// The contacts, opportunities and activities of an account in the replica.
struct AccountChildren {
    var records: [(kind: ReplicatedKind, record: LocalRecord)] = []

    var isEmpty: Bool { records.isEmpty }

    /// `2 contacts, 1 opportunity`.
    var summary: String {
        [ReplicatedKind.contact, .opportunity, .activity].compactMap { kind in
            let count = records.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind == .opportunity ? (count == 1 ? "opportunity" : "opportunities") : kind.name + (count == 1 ? "" : "s"))"
        }.joined(separator: ", ")
    }

    static func of(_ account: RecordID, _ directory: Directory) throws -> AccountChildren {
        var children = AccountChildren()
        for kind in [ReplicatedKind.contact, .opportunity, .activity] {
            guard let field = kind.fieldID(named: "account_id") else { continue }
            for record in try directory.records(kind) where record.view.values[field] == .bytes(account.bytes) {
                children.records.append((kind, record))
            }
        }
        return children
    }
}
