import ArgumentParser
import MergeEngine
import FieldClient
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost agenda [--week]`: your planned activities that are due, overdue first.
struct Agenda: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What you have planned: overdue first, then today by time (or the next 7 days with --week).",
        discussion: """
            Plan with outpost plan; mark done with outpost activities update ID done=true.
            Example:
              outpost agenda --week
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Flag(help: "Show the next 7 days, not just today.") var week = false

    struct Row: Encodable {
        let id: String
        let due: String
        let time: String?
        let overdue: Bool
        let kind: String
        let account: String
        let subject: String
    }

    func run() throws {
        let directory = Directory(replica: try options.open())
        let me = try directory.me().id
        let today = Today.day, now = Today.time
        let last = CalendarDay(daysSinceEpoch: today.daysSinceEpoch + (week ? 6 : 0))
        let planned = try directory.records(.activity).compactMap { try $0.decoded() as? Activity }
            .filter { !$0.done && $0.ownerID == me && $0.day <= last }
            .sorted { ($0.day, $0.time?.minutes ?? -1, $0.subject) < ($1.day, $1.time?.minutes ?? -1, $1.subject) }
        let rows = try planned.map { activity in
            Row(id: activity.id.description, due: activity.day.description, time: activity.time?.description,
                overdue: activity.day < today || (activity.day == today && activity.time.map { $0 < now } ?? false),
                kind: activity.kind.rawValue, account: try directory.name(of: RecordID(activity.accountID), kind: .account),
                subject: activity.subject)
        }
        try Output.list(rows, json: output.json, headers: ["DUE", "KIND", "ACCOUNT", "SUBJECT", "ID"], fit: .width(TerminalWidth.columns),
                        empty: "Nothing planned \(week ? "for the next 7 days" : "for today"); plan with outpost plan visit --account NAME --due DAY") {
            [[$0.due, $0.time, $0.overdue ? "overdue" : nil].compactMap { $0 }.joined(separator: " "), $0.kind, $0.account, $0.subject, ShortID.of($0.id)]
        }
    }
}
