public import OutpostModel

/// The records of one kind, as an import produces them and an export takes them.
public enum InterchangeRecords: Hashable, Sendable {
    case accounts([Account])
    case contacts([Contact])
    case opportunities([Opportunity])

    /// Which kind of records these are.
    public var kind: InterchangeKind {
        switch self {
        case .accounts: .accounts
        case .contacts: .contacts
        case .opportunities: .opportunities
        }
    }

    /// How many records there are.
    public var count: Int {
        switch self {
        case .accounts(let records): records.count
        case .contacts(let records): records.count
        case .opportunities(let records): records.count
        }
    }
}
