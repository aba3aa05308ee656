import ArgumentParser

/// `outpost`: the field client.
struct OutpostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outpost",
        abstract: "The Outpost field client: an offline replica of your territories that syncs over slow links.",
        discussion: """
            The replica lives in --replica, OUTPOST_REPLICA or ~/.outpost.

            Example:
              outpost enrol --server http://hq.example:8080 --code ABCD-EFGH-JKMN
              outpost sync
              outpost status
            """,
        version: "0.1.0",
        subcommands: [
            Enrol.self, Sync.self, Status.self, Accounts.self, Contacts.self, Leads.self, Opportunities.self, Activities.self,
            LogActivity.self, Conflicts.self, ForecastCommand.self, Show.self, SetFields.self, Rejected.self, Export.self, Where.self,
        ]
    )
}

OutpostCommand.main()
