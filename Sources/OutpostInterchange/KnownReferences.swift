public import OutpostModel

/// The ids an import may refer to, for checking references without a store.
///
/// A `nil` set means "do not check": every well-formed id is accepted. A set,
/// even an empty one, means an id not in it is reported as a bad row.
public struct KnownReferences: Hashable, Sendable {
    /// Territories an account's `territory_id` may name.
    public var territories: Set<TerritoryID>?
    /// Accounts a contact's or opportunity's `account_id` may name.
    public var accounts: Set<AccountID>?
    /// Users an opportunity's `owner_id` may name.
    public var users: Set<UserID>?

    public init(territories: Set<TerritoryID>? = nil, accounts: Set<AccountID>? = nil, users: Set<UserID>? = nil) {
        self.territories = territories
        self.accounts = accounts
        self.users = users
    }
}
