import ArgumentParser
import Foundation
import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost log visit|call|email|task --account NAME "notes"`: records a done activity
/// in one command; a visit also moves the account's last visit.
struct LogActivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log", abstract: "Log a visit, call, e-mail or task you just did, in one command.",
        discussion: """
            A visit also sets the account's last_visit. The activity is yours, done, dated today unless --day says otherwise (never a future day: plan future work with outpost plan).
            The contact is found by name, surname or e-mail among the account's contacts.
            Examples:
              outpost log visit --account "Alpenglas" \\
                "Walked the line; wants a quote for two units"
              outpost log call --account 3f2b8c1e --contact Huber --opp "Line 2" \\
                "Budget confirmed"
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "visit, call, email or task.") var kind: String
    @OptionGroup var links: ActivityLinks
    @Option(help: "The day (YYYY-MM-DD; default today).") var day: String?
    @Option(help: "The subject (default: the kind and the account's name).") var subject: String?
    @Argument(help: "Notes.") var notes: String?

    func run() throws {
        let activityKind = try ActivityKinds.parse(kind, command: "log")
        let date = try day.map { try CalendarDay(parsing: $0, field: "day") } ?? Today.day
        guard date <= Today.day else {
            throw ReplicaError(.invalid, "--day \(date) is in the future and log records work you did; plan it with "
                + "outpost plan \(activityKind.rawValue) --account \"\(links.account)\" --due \(date)")
        }
        let directory = Directory(replica: try options.open())
        let activity = try ActivityDraft.make(activityKind, account: links.account, contact: links.contact, opp: links.opp, day: date,
                                              subject: subject, notes: notes, done: true, directory)
        let account: Account = try directory.decoded(try directory.find(links.account, kind: .account))
        try directory.replica.create(activity)
        if activityKind == .visit, account.lastVisit.map({ $0 < date }) ?? true, let lastVisit = ReplicatedKind.account.fieldID(named: "last_visit") {
            try directory.replica.update(RecordID(account.id), fields: [lastVisit: .int(Int64(date.daysSinceEpoch))])
        }
        if output.json { return try Output.json(["id": activity.id.description, "account": account.name, "day": date.description]) }
        print("Logged \(activityKind.rawValue) at \(account.name) on \(date) (\(Directory.shortID(RecordID(activity.id)))); it syncs next time.")
    }
}
