import ArgumentParser
import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost leads convert NAME_OR_ID`: the lead becomes an account, a contact and an
/// opportunity, and is marked converted.
struct ConvertLead: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert a lead into an account, a contact and an opportunity.",
        discussion: """
            The account takes the lead's company and territory, the contact its person, the
            opportunity is yours, in qualification, closing at the end of this quarter unless you say.
            Example:
              outpost leads convert "Kraft AG" --amount 25000 --close-date 2026-12-20
            """)
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption
    @Argument(help: "The lead (id, short id or company).") var lead: String
    @Option(help: "The opportunity's name (default: the company's name).") var name: String?
    @Option(help: "The opportunity's amount (default 0).") var amount = "0"
    @Option(help: "Its currency (default: your usual one).") var currency: String?
    @Option(help: "Its close date (default: the end of this quarter).") var closeDate: String?

    struct Converted: Encodable {
        let account: String
        let contact: String
        let opportunity: String
    }

    func run() throws {
        let directory = Directory(replica: try options.open())
        let record = try directory.find(lead, kind: .lead)
        let lead: Lead = try directory.decoded(record)
        guard lead.status != .converted else { throw ReplicaError(.invalid, "lead \(lead.company) is already converted") }
        let money: Money
        let close: CalendarDay
        do {
            money = try Money(parsing: amount, currency: try Currency(code: currency ?? RecordCreation.usualCurrency(directory)))
            close = try closeDate.map { try CalendarDay(parsing: $0, field: "close_date") } ?? Self.endOfQuarter(Today.day)
        } catch { throw ReplicaError(.invalid, "\(error); nothing was converted") }
        let account = Account(territoryID: lead.territoryID, name: lead.company)
        let contact = Contact(accountID: account.id, firstName: lead.firstName, lastName: lead.lastName, email: lead.email)
        let opportunity = Opportunity(accountID: account.id, ownerID: try directory.me().id, name: name ?? lead.company,
                                      stage: .qualification, amount: money, closeDate: close)
        for check in [{ try account.validate() }, { try contact.validate() }, { try opportunity.validate() }] as [() throws -> Void] {
            do { try check() } catch { throw ReplicaError(.invalid, "\(error); nothing was converted") }
        }
        var converted = lead
        converted.status = .converted
        try directory.replica.apply([
            .create(account), .create(contact), .create(opportunity),
            .update(record.id, fields: converted.fields.filter { $0.key == ReplicatedKind.lead.fieldID(named: "status") }),
        ])
        let result = Converted(account: account.id.description, contact: contact.id.description, opportunity: opportunity.id.description)
        if output.json { return try Output.json(result) }
        print("Converted \(lead.company): account \(Directory.shortID(RecordID(account.id))), contact "
            + "\(Directory.shortID(RecordID(contact.id))), opportunity \(Directory.shortID(RecordID(opportunity.id))); they sync next time.")
    }

    /// The last day of `day`'s quarter.
    static func endOfQuarter(_ day: CalendarDay) -> CalendarDay {
        let nextQuarterMonth = day.quarter * 3 + 1
        let first = nextQuarterMonth > 12 ? try? CalendarDay(year: day.year + 1, month: 1, day: 1)
            : try? CalendarDay(year: day.year, month: nextQuarterMonth, day: 1)
        return (first ?? day).adding(days: -1)
    }
}
