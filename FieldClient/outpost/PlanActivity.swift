import ArgumentParser
import Foundation
import MergeEngine
import OutpostReplication
import FieldClient
import OutpostModel
import TerminalOutput

/// `outpost plan visit|call|email|task --account NAME --due DAY[THH:MM] "notes"`: a
/// planned activity (not done yet), due on a day and maybe at a time; `outpost agenda`
/// lists what is due.
struct PlanActivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Plan a visit, call, e-mail or task on a due day; outpost agenda shows it.",
        discussion: """
            --due takes YYYY-MM-DD, today, tomorrow or +N (days from today), and optionally a
            time after a T or a space: 2027-06-01T09:30, "tomorrow 14:00". Mark it done later
            with outpost activities update ID done=true.
            Examples:
              outpost plan visit --account "Alpenglas" --due tomorrow "Bring the quote"
              outpost plan visit --account 3f2b8c1e --due 2027-06-01T09:30
              outpost plan call --account 3f2b8c1e --contact Huber --due 2026-12-01
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Argument(help: "visit, call, email or task.") var kind: String
    @OptionGroup var links: ActivityLinks
    @Option(help: "The due day, maybe with a time: YYYY-MM-DD, today, tomorrow or +N; then THH:MM.") var due: String
    @Option(help: "The subject (default: the kind and the account's name).") var subject: String?
    @Argument(help: "Notes.") var notes: String?

    func run() throws {
        let activityKind = try ActivityKinds.parse(kind, command: "plan")
        let (day, time) = try DueDay.parse(due)
        guard day > Today.day || (day == Today.day && time.map { $0 >= Today.time } ?? true) else {
            throw ReplicaError(.invalid, "--due \(DueDay.text(day, time)) is in the past; record work you did with "
                + "outpost log \(activityKind.rawValue) --day \(day)")
        }
        let directory = Directory(replica: try options.open())
        let activity = try ActivityDraft.make(activityKind, account: links.account, contact: links.contact, opp: links.opp, day: day, time: time,
                                              subject: subject, notes: notes, done: false, directory)
        try directory.replica.create(activity)
        let due = DueDay.text(day, time)
        if output.json { return try Output.json(["id": activity.id.description, "due": due, "status": "planned"]) }
        print("Planned \(activityKind.rawValue) \"\(activity.subject)\" for \(due) (\(ShortID.of(activity.id.description))); it syncs next time.")
    }
}

/// The records an activity is logged or planned at, for `log` and `plan`.
struct ActivityLinks: ParsableArguments {
    @Option(help: "The account (name or id).") var account: String
    @Option(help: "The contact (name, surname, e-mail or id), at that account.") var contact: String?
    @Option(help: "The opportunity (name or id).") var opp: String?
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

/// A due day, and maybe a time, as people type them.
enum DueDay {
    /// `YYYY-MM-DD`, `today`, `tomorrow` or `+N`, optionally followed by `THH:MM` or ` HH:MM`.
    static func parse(_ text: String) throws -> (CalendarDay, TimeOfDay?) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let split = trimmed.lastIndex { $0 == "T" || $0 == " " }.flatMap { index in
            trimmed[trimmed.index(after: index)...].contains(":") ? index : nil
        }
        guard let split else { return (try day(trimmed), nil) }
        let timeText = String(trimmed[trimmed.index(after: split)...])
        do { return (try day(String(trimmed[..<split])), try TimeOfDay(parsing: timeText, field: "due")) } catch let error as OutpostModel.ValidationError {
            throw ReplicaError(.invalid, "--due has the time \"\(timeText)\", but \(error.reason); write it as 09:30")
        }
    }

    /// `2027-06-01` or `2027-06-01 09:30`.
    static func text(_ day: CalendarDay, _ time: TimeOfDay?) -> String { time.map { "\(day) \($0)" } ?? day.description }

    private static func day(_ text: String) throws -> CalendarDay {
        let today = Today.day
        switch text.lowercased() {
        case "today": return today
        case "tomorrow": return CalendarDay(daysSinceEpoch: today.daysSinceEpoch + 1)
        default:
            if text.hasPrefix("+"), let days = Int(text.dropFirst()), days >= 0 {
                return CalendarDay(daysSinceEpoch: today.daysSinceEpoch + days)
            }
            do { return try CalendarDay(parsing: text, field: "due") } catch {
                throw ReplicaError(.invalid, "--due must be YYYY-MM-DD, today, tomorrow or +N, then maybe THH:MM (got \"\(text)\")")
            }
        }
    }
}

/// Building an activity from what `log` and `plan` are told.
enum ActivityDraft {
    static func make(_ kind: ActivityKind, account: String, contact: String?, opp: String?, day: CalendarDay, time: TimeOfDay? = nil,
                     subject: String?, notes: String?, done: Bool, _ directory: Directory) throws -> Activity {
        let found: Account = try directory.decoded(try directory.find(account, kind: .account))
        let activity = Activity(
            kind: kind, subject: subject ?? "\(kind.rawValue.capitalized) \(found.name)", day: day, accountID: found.id,
            contactID: try contact.map { ContactID(try directory.contact($0, at: found.id).id) },
            opportunityID: try opp.map { OpportunityID(try directory.find($0, kind: .opportunity).id) },
            ownerID: try directory.me().id, done: done, notes: notes, time: time)
        do { try activity.validate() } catch { throw ReplicaError(.invalid, "\(error); nothing was recorded") }
        return activity
    }
}
