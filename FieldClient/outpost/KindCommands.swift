import ArgumentParser

/// A command group for one record kind (`outpost accounts …`): every group shares
/// the generic list, show, search, add and update commands.
protocol KindCommand: ParsableCommand {
    /// How the kind is listed.
    static var listing: KindListing { get }
}

extension KindCommand {
    /// The group's configuration: the shared subcommands for `listing`.
    static func group(_ abstract: String) -> CommandConfiguration {
        CommandConfiguration(
            commandName: listing.command, abstract: abstract,
            discussion: "Example:\n  outpost \(listing.command) list --help",
            subcommands: [ListRecords<Self>.self, ShowRecord<Self>.self, SearchRecords<Self>.self, AddRecord<Self>.self,
                          UpdateRecord<Self>.self, DeleteRecord<Self>.self])
    }
}

/// `outpost accounts …`.
struct Accounts: KindCommand {
    static let listing = KindListing.accounts
    static let configuration = CommandConfiguration(
        commandName: "accounts", abstract: "Accounts of your territories: list, show, search, add, update, delete, merge.",
        discussion: "Example:\n  outpost accounts list --not-visited 30",
        subcommands: group("").subcommands + [MergeAccounts.self])
}

/// `outpost contacts …`.
struct Contacts: KindCommand {
    static let listing = KindListing.contacts
    static let configuration = group("Contacts at your accounts: list, show, search, add, update.")
}

/// `outpost leads …`.
struct Leads: KindCommand {
    static let listing = KindListing.leads
    static let configuration = CommandConfiguration(
        commandName: "leads", abstract: "Leads of your territories: list, show, search, add, update, convert.",
        discussion: "Example:\n  outpost leads list --open",
        subcommands: group("").subcommands + [ConvertLead.self])
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
