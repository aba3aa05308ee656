import Foundation
import Forecasting
import OutpostModel
import OutpostSQLite

/// What the manager pages read from the store for one request: the territory tree,
/// people, accounts and opportunities, and the signed-in manager's scope.
struct ConsoleCompany {
    let tree: TerritoryTree
    let users: [UserID: User]
    let accounts: [AccountID: Account]
    let opportunities: [Opportunity]
    /// The territories the manager sees: the subtrees of their own.
    let scope: Set<TerritoryID>
    /// The tops of those subtrees (the manager's own territories), by name.
    let roots: [Territory]

    static func load(_ console: ConsoleService, for manager: User) async throws -> ConsoleCompany {
        let store = console.store
        let tree = try await store.territoryTree()
        let scope = try await console.scope(of: manager)
        let accounts = try await store.accounts(in: scope)
        let accountIDs = Set(accounts.map(\.id))
        return ConsoleCompany(
            tree: tree, users: Dictionary(try await store.users().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            accounts: Dictionary(accounts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            opportunities: try await store.opportunities(of: accountIDs), scope: scope,
            roots: manager.territoryIDs.compactMap { tree.byID[$0] }.sorted { $0.name < $1.name })
    }

    /// The territory named by `id` (its UUID) when the manager sees it, else their first own.
    /// - Throws: ``ConsoleActionError`` for a territory outside the manager's scope.
    func territory(_ id: String?) throws(ConsoleActionError) -> Territory {
        if let id, !id.isEmpty {
            guard let uuid = UUID(uuidString: id), let territory = tree.byID[TerritoryID(uuid)], scope.contains(territory.id) else {
                throw ConsoleActionError("that territory is not in your scope (\(roots.map(\.name).joined(separator: ", ")))")
            }
            return territory
        }
        guard let first = roots.first else { throw ConsoleActionError("you are assigned no territory; ask an admin (outpost-server user assign)") }
        return first
    }

    /// The territory an opportunity counts in (its account's).
    func territory(of opportunity: Opportunity) -> TerritoryID? { accounts[opportunity.accountID]?.territoryID }

    /// A user's display name, or the id when unknown.
    func name(of user: UserID) -> String { users[user]?.displayName ?? user.description }
}
