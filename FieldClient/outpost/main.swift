import ArgumentParser
import TerminalOutput

/// `outpost`: the field client.
struct OutpostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outpost",
        abstract: "The Outpost field client: an offline replica of your territories that syncs over slow links.",
        discussion: """
            The replica lives in --replica, OUTPOST_REPLICA or ~/.outpost, encrypted at rest:
            commands ask for its passphrase (or take --passphrase-file, OUTPOST_PASSPHRASE,
            --key-file, OUTPOST_KEY_FILE) unless `outpost unlock` is in force.

            Example:
              outpost enrol --server http://hq.example:8080 --code ABCD-EFGH-JKMN
              outpost unlock
              outpost sync
              outpost status
            """,
        version: "0.1.0",
        subcommands: [
            Enrol.self, Unlock.self, Lock.self, Sync.self, Status.self, Accounts.self, Contacts.self, Leads.self, Opportunities.self,
            Activities.self, LogActivity.self, PlanActivity.self, Agenda.self, Conflicts.self, ForecastCommand.self, Show.self, SetFields.self, Rejected.self,
            Export.self, Check.self, PassphraseCommand.self, Where.self, Configure.self, QuoteCommand.self, OrderCommand.self, Orders.self,
            Docs.self,
        ]
    )
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    var command = try OutpostCommand.parseAsRoot(arguments)
    try command.run()
} catch {
    CommandFailure.exit(error, root: OutpostCommand.self, arguments: arguments)
}
