import ArgumentParser

/// A command group for one record kind (`outpost accounts …`): every group shares
/// the generic list, show, search, add and update commands.
protocol KindCommand: ParsableCommand {
    /// How the kind is listed.
    static var listing: KindListing { get }
}

extension KindCommand {
    /// The group's configuration: the shared subcommands for `listing`, then `extra`.
    /// - Parameters:
    ///   - abstract: the group's one-line help.
    ///   - example: what follows `outpost KIND` in the help's example.
    ///   - extra: the kind's own subcommands (`accounts merge`, `leads convert`).
    static func group(_ abstract: String, example: String = "list --help", adding extra: [any ParsableCommand.Type] = [])
        -> CommandConfiguration {
        CommandConfiguration(
            commandName: listing.command, abstract: abstract,
            discussion: "Example:\n  outpost \(listing.command) \(example)",
            subcommands: [ListRecords<Self>.self, ShowRecord<Self>.self, SearchRecords<Self>.self, AddRecord<Self>.self,
                          UpdateRecord<Self>.self, DeleteRecord<Self>.self] + extra)
    }
}

/// `outpost accounts …`.
struct Accounts: KindCommand {
    static let listing = KindListing.accounts
    static let configuration = group("Accounts of your territories: list, show, search, add, update, delete, merge.",
                                     example: "list --not-visited 30", adding: [MergeAccounts.self])
}

/// `outpost contacts …`.
struct Contacts: KindCommand {
    static let listing = KindListing.contacts
    static let configuration = group("Contacts at your accounts: list, show, search, add, update.")
}

/// `outpost leads …`.
struct Leads: KindCommand {
    static let listing = KindListing.leads
    static let configuration = group("Leads of your territories: list, show, search, add, update, convert.",
                                     example: "list --open", adding: [ConvertLead.self])
}

/// `outpost opps …`.
struct Opportunities: KindCommand {
    static let listing = KindListing.opportunities
    static let configuration = group("Opportunities: list, show, search, add, update (move stages with update stage=…).")
}

/// `outpost activities …`.
struct Activities: KindCommand {
    static let listing = KindListing.activities
    static let configuration = group("Calls, visits, e-mails and tasks: list, show, search, add, update.")
}
