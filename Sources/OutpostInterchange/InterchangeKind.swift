/// The kinds of records that `outpost-server import KIND` and `export KIND` handle.
///
/// The raw value is the name used on the command line: `accounts`, `contacts`,
/// `opportunities`.
public enum InterchangeKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case accounts
    case contacts
    case opportunities

    /// The CSV header an export writes, in order; an import accepts these columns in any order.
    public var columns: [String] {
        switch self {
        case .accounts: AccountColumns.columns.map(\.name)
        case .contacts: ContactColumns.columns.map(\.name)
        case .opportunities: OpportunityColumns.columns.map(\.name)
        }
    }

    /// The columns an import file must have; the others may be left out.
    public var requiredColumns: [String] {
        switch self {
        case .accounts: AccountColumns.requiredColumnNames
        case .contacts: ContactColumns.requiredColumnNames
        case .opportunities: OpportunityColumns.requiredColumnNames
        }
    }

    public var description: String { rawValue }
}
