import ArgumentParser
import OutpostModel
import OutpostStore

/// Resolves names that people type (territory and user names) to records.
enum Lookup {
    /// The territory named `nameOrID` (its exact name, or its id).
    static func territory(_ nameOrID: String, in tree: TerritoryTree) throws -> Territory {
        if let id = try? TerritoryID(parsing: nameOrID), let territory = tree.byID[id] { return territory }
        let matches = tree.byID.values.filter { $0.name == nameOrID }
        guard matches.count == 1 else {
            if matches.isEmpty {
                throw CommandError("no territory named \"\(nameOrID)\"; see: outpost-server territory list")
            }
            throw CommandError("\(matches.count) territories are named \"\(nameOrID)\"; give the id instead")
        }
        return matches[0]
    }

    /// The user with login name `name`.
    static func user(_ name: String, in store: any OutpostStore) async throws -> User {
        guard let user = try await store.user(named: name) else {
            throw CommandError("no user named \"\(name)\"; see: outpost-server user list")
        }
        return user
    }
}
