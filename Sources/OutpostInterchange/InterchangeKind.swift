/// The kinds of records that `outpost-server import KIND` and `export KIND` handle.
///
/// The raw value is the name used on the command line: `accounts`, `contacts`, …
public enum InterchangeKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case accounts
    case contacts
    case opportunities
    case leads
    case activities
    case territories
    case users
    case quotas
    case products

    /// The CSV header an export writes, in order; an import accepts these columns in any order.
    public var columns: [String] { layout.columns }

    /// The columns an import file must have; the others may be left out.
    public var requiredColumns: [String] { layout.required }

    private var layout: (columns: [String], required: [String]) {
        func of<C: RecordColumns>(_: C.Type) -> ([String], [String]) { (C.columns.map(\.name), C.requiredColumnNames) }
        return switch self {
        case .accounts: of(AccountColumns.self)
        case .contacts: of(ContactColumns.self)
        case .opportunities: of(OpportunityColumns.self)
        case .leads: of(LeadColumns.self)
        case .activities: of(ActivityColumns.self)
        case .territories: of(TerritoryColumns.self)
        case .users: of(UserColumns.self)
        case .quotas: of(QuotaColumns.self)
        case .products: of(ProductColumns.self)
        }
    }

    public var description: String { rawValue }
}
