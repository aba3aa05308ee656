import ArgumentParser
import OutpostModel
import OutpostStore

/// Resolves names that people type (territory and user names) to records.
enum Lookup {
    /// The territory named `nameOrID` (its exact name, unique in the store, or its id).
    static func territory(_ nameOrID: String, in tree: TerritoryTree) throws -> Territory {
        if let id = try? TerritoryID(parsing: nameOrID), let territory = tree.byID[id] { return territory }
        guard let territory = tree.territory(named: nameOrID) else {
            throw CommandError("no territory named \"\(nameOrID)\"; see: outpost-server territory list")
        }
        return territory
    }

    /// The user with login name `name`.
    static func user(_ name: String, in store: any DirectoryStore) async throws -> User {
        guard let user = try await store.user(named: name) else {
            throw CommandError("no user named \"\(name)\"; see: outpost-server user list")
        }
        return user
    }
}

extension DirectoryStore {
    /// Every territory, as the tree their parents make: what name lookups and tree listings read.
    func territoryTree() async throws(StoreError) -> TerritoryTree {
        TerritoryTree(try await territories())
    }
}
