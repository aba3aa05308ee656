import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication

/// How the CLI lists one record kind: its table columns, the field that dates it,
/// what "open" means for it. One value per kind drives the shared list, show, search,
/// add and update commands, so no kind has its own copy of them.
struct KindListing: Sendable {
    /// The replicated kind.
    let kind: ReplicatedKind
    /// The command name, plural: `accounts`.
    let command: String
    /// Field names shown as table columns after the short id.
    let columns: [String]
    /// The field `--period`, `--today` and `--day` filter on, if any.
    let dateField: String?
    /// Which records `--open` keeps, if the kind has such a notion.
    let open: OpenRule?
    /// The default sort field.
    let defaultSort: String
    /// An example `add` line for help.
    let addExample: String

    static let accounts = KindListing(
        kind: .account, command: "accounts", columns: ["name", "city", "country", "last_visit"], dateField: "last_visit",
        open: nil, defaultSort: "name",
        addExample: "outpost accounts add name=\"Alpenglas GmbH\" city=Munich country=DE")
    static let contacts = KindListing(
        kind: .contact, command: "contacts", columns: ["first_name", "last_name", "account_id", "phone"], dateField: nil,
        open: nil, defaultSort: "last_name",
        addExample: "outpost contacts add account_id=\"Alpenglas GmbH\" \\\n      first_name=Eva last_name=Huber")
    static let leads = KindListing(
        kind: .lead, command: "leads", columns: ["company", "last_name", "status"], dateField: nil,
        open: OpenRule(field: "status", closed: [.string("converted"), .string("disqualified")]), defaultSort: "company",
        addExample: "outpost leads add company=\"Kraft AG\" first_name=Jan last_name=Kraft")
    static let opportunities = KindListing(
        kind: .opportunity, command: "opps", columns: ["name", "account_id", "stage", "amount", "currency", "close_date"],
        dateField: "close_date",
        open: OpenRule(field: "stage", closed: [.string("closed_won"), .string("closed_lost")]), defaultSort: "close_date",
        addExample: "outpost opps add account_id=\"Alpenglas GmbH\" name=\"Line 2\" \\\n      amount=48000 currency=EUR close_date=2026-12-15")
    static let activities = KindListing(
        kind: .activity, command: "activities", columns: ["day", "kind", "subject", "account_id", "done"], dateField: "day",
        open: OpenRule(field: "done", closed: [.bool(true)]), defaultSort: "day",
        addExample: "outpost activities add account_id=\"Alpenglas GmbH\" \\\n      kind=call subject=\"Follow-up\"")
}

/// What `--open` keeps of a kind: the records whose `field` holds none of the `closed`
/// values (a lead not converted or disqualified, an activity not done).
struct OpenRule: Sendable {
    /// The field that says whether a record is closed, e.g. `stage`.
    let field: String
    /// The values that close a record.
    let closed: Set<FieldValue>

    /// Whether a record of `kind` with `fields` is open.
    func isOpen(_ fields: [FieldID: FieldValue], _ kind: ReplicatedKind) -> Bool {
        guard let id = kind.fieldID(named: field), let value = fields[id] else { return true }
        return !closed.contains(value)
    }
}
