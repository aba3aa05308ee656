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
            A visit also sets the account's last_visit. The activity is yours, done, dated today
            unless --day says otherwise.
            Examples:
              outpost log visit --account "Alpenglas" "Walked the line; wants a quote for two units"
              outpost log call --account 3f2b8c1e --contact Huber --opp "Line 2" "Budget confirmed"
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "visit, call, email or task.") var kind: String
    @Option(help: "The account (name or id).") var account: String
    @Option(help: "The contact (name or id).") var contact: String?
    @Option(help: "The opportunity (name or id).") var opp: String?
    @Option(help: "The day (YYYY-MM-DD; default today).") var day: String?
    @Option(help: "The subject (default: the kind and the account's name).") var subject: String?
    @Argument(help: "Notes.") var notes: String?

    func run() throws {
        guard let activityKind = ActivityKind(rawValue: kind.lowercased()) else {
            throw ReplicaError(.invalid, "log takes visit, call, email or task (got \"\(kind)\")")
        }
        let directory = Directory(replica: try options.open())
        let account: Account = try directory.decoded(try directory.find(self.account, kind: .account))
        let date = try day.map { try CalendarDay(parsing: $0, field: "day") } ?? Today.day
        let activity = Activity(
            kind: activityKind, subject: subject ?? "\(activityKind.rawValue.capitalized) \(account.name)", day: date,
            accountID: account.id, contactID: try contact.map { ContactID(try directory.find($0, kind: .contact).id) },
            opportunityID: try opp.map { OpportunityID(try directory.find($0, kind: .opportunity).id) },
            ownerID: try directory.me().id, done: true, notes: notes)
        do { try activity.validate() } catch { throw ReplicaError(.invalid, "\(error); nothing was logged") }
        try directory.replica.create(activity)
        if activityKind == .visit, account.lastVisit.map({ $0 < date }) ?? true, let lastVisit = ReplicatedKind.account.fieldID(named: "last_visit") {
            try directory.replica.update(RecordID(account.id), fields: [lastVisit: .int(Int64(date.daysSinceEpoch))])
        }
        if output.json { return try Output.json(["id": activity.id.description, "account": account.name, "day": date.description]) }
        print("Logged \(activityKind.rawValue) at \(account.name) on \(date) (\(Directory.shortID(RecordID(activity.id)))); it syncs next time.")
    }
}
