import ArgumentParser
import Foundation
import MergeEngine
import OutpostReplication
import FieldClient
import OutpostModel
import TerminalOutput

/// `outpost plan visit|call|email|task --account NAME --due DAY "notes"`: a planned
/// activity (not done yet), due on a day; `outpost agenda` lists what is due.
struct PlanActivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan a visit, call, e-mail or task on a due day; outpost agenda shows it.",
        discussion: """
            --due takes YYYY-MM-DD, today, tomorrow or +N (days from today). Mark it done later with
            outpost activities update ID done=true.
            Examples:
              outpost plan visit --account "Alpenglas" --due tomorrow "Bring the quote"
              outpost plan call --account 3f2b8c1e --contact Huber --due 2026-12-01
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "visit, call, email or task.") var kind: String
    @Option(help: "The account (name or id).") var account: String
    @Option(help: "The contact (name, surname, e-mail or id), at that account.") var contact: String?
    @Option(help: "The opportunity (name or id).") var opp: String?
    @Option(help: "The due day: YYYY-MM-DD, today, tomorrow or +N.") var due: String
    @Option(help: "The subject (default: the kind and the account's name).") var subject: String?
    @Argument(help: "Notes.") var notes: String?

    func run() throws {
        let activityKind = try ActivityKinds.parse(kind, command: "plan")
        let day = try DueDay.parse(due)
        guard day >= Today.day else {
            throw ReplicaError(.invalid, "--due \(day) is in the past; record work you did with outpost log \(activityKind.rawValue) --day \(day)")
        }
        let directory = Directory(replica: try options.open())
        let activity = try ActivityDraft.make(activityKind, account: account, contact: contact, opp: opp, day: day,
                                              subject: subject, notes: notes, done: false, directory)
        try directory.replica.create(activity)
        if output.json { return try Output.json(["id": activity.id.description, "due": day.description, "status": "planned"]) }
        print("Planned \(activityKind.rawValue) \"\(activity.subject)\" for \(day) (\(String(activity.id.description.prefix(8)))); it syncs next time.")
    }
}

/// Parsing the words of `log`, `plan` and `agenda`.
enum ActivityKinds {
    static func parse(_ text: String, command: String) throws -> ActivityKind {
        guard let kind = ActivityKind(rawValue: text.lowercased()) else {
            throw ReplicaError(.invalid, "\(command) takes visit, call, email or task (got \"\(text)\")")
        }
        return kind
    }
}

/// A due day as people type it.
enum DueDay {
    /// `YYYY-MM-DD`, `today`, `tomorrow` or `+N`.
    static func parse(_ text: String) throws -> CalendarDay {
        let today = Today.day
        switch text.lowercased() {
        case "today": return today
        case "tomorrow": return CalendarDay(daysSinceEpoch: today.daysSinceEpoch + 1)
        default:
            if text.hasPrefix("+"), let days = Int(text.dropFirst()), days >= 0 {
                return CalendarDay(daysSinceEpoch: today.daysSinceEpoch + days)
            }
            do { return try CalendarDay(parsing: text, field: "due") } catch {
                throw ReplicaError(.invalid, "--due must be YYYY-MM-DD, today, tomorrow or +N (got \"\(text)\")")
            }
        }
    }
}

/// Building an activity from what `log` and `plan` are told.
enum ActivityDraft {
    static func make(_ kind: ActivityKind, account: String, contact: String?, opp: String?, day: CalendarDay,
                     subject: String?, notes: String?, done: Bool, _ directory: Directory) throws -> Activity {
        let found: Account = try directory.decoded(try directory.find(account, kind: .account))
        let activity = Activity(
            kind: kind, subject: subject ?? "\(kind.rawValue.capitalized) \(found.name)", day: day, accountID: found.id,
            contactID: try contact.map { ContactID(try directory.contact($0, at: found.id).id) },
            opportunityID: try opp.map { OpportunityID(try directory.find($0, kind: .opportunity).id) },
            ownerID: try directory.me().id, done: done, notes: notes)
        do { try activity.validate() } catch { throw ReplicaError(.invalid, "\(error); nothing was recorded") }
        return activity
    }
}
