public import OutpostModel

/// The ids (and names) an import may refer to, for checking references without a store.
///
/// A `nil` set means "do not check": every well-formed id is accepted. A set,
/// even an empty one, means an id not in it is reported as a bad row. A reference
/// cell may also hold a name (a territory's, a user's login, an account's) that names
/// exactly one record of ``territoryNames``, ``userNames`` or ``accountNames``.
public struct KnownReferences: Hashable, Sendable {
    /// Territories an account's `territory_id` may name.
    public var territories: Set<TerritoryID>?
    /// Accounts a contact's or opportunity's `account_id` may name.
    public var accounts: Set<AccountID>?
    /// Users an opportunity's `owner_id` may name.
    public var users: Set<UserID>?
    /// Territories by lower-cased name.
    public var territoryNames: [String: [TerritoryID]] = [:]
    /// Users by lower-cased login name.
    public var userNames: [String: [UserID]] = [:]
    /// Accounts by lower-cased name (several accounts may share one).
    public var accountNames: [String: [AccountID]] = [:]

    public init(territories: Set<TerritoryID>? = nil, accounts: Set<AccountID>? = nil, users: Set<UserID>? = nil) {
        self.territories = territories
        self.accounts = accounts
        self.users = users
    }

    /// Every id and name of the given records, for an import checked against a store.
    public init(territories: [Territory], accounts: [Account], users: [User]) {
        self.init(territories: Set(territories.map(\.id)), accounts: Set(accounts.map(\.id)), users: Set(users.map(\.id)))
        territoryNames = Self.index(territories, name: \.name, id: \.id)
        userNames = Self.index(users, name: \.name, id: \.id)
        accountNames = Self.index(accounts, name: \.name, id: \.id)
    }

    private static func index<R, ID>(_ records: [R], name: KeyPath<R, String>, id: KeyPath<R, ID>) -> [String: [ID]] {
        var index: [String: [ID]] = [:]
        for record in records { index[record[keyPath: name].lowercased(), default: []].append(record[keyPath: id]) }
        return index
    }
}
