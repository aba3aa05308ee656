public import OutpostModel

/// The records of one kind, as an import produces them and an export takes them.
public enum InterchangeRecords: Hashable, Sendable {
    case accounts([Account])
    case contacts([Contact])
    case opportunities([Opportunity])
    case leads([Lead])
    case activities([Activity])
    case territories([Territory])
    case users([User])
    case quotas([Quota])
    case products([Product])

    /// Which kind of records these are.
    public var kind: InterchangeKind {
        switch self {
        case .accounts: .accounts
        case .contacts: .contacts
        case .opportunities: .opportunities
        case .leads: .leads
        case .activities: .activities
        case .territories: .territories
        case .users: .users
        case .quotas: .quotas
        case .products: .products
        }
    }

    /// How many records there are.
    public var count: Int {
        switch self {
        case .accounts(let records): records.count
        case .contacts(let records): records.count
        case .opportunities(let records): records.count
        case .leads(let records): records.count
        case .activities(let records): records.count
        case .territories(let records): records.count
        case .users(let records): records.count
        case .quotas(let records): records.count
        case .products(let records): records.count
        }
    }
}
