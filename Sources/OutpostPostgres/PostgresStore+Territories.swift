public import Foundation
public import OutpostModel
public import OutpostStore
import MergeEngine
import OutpostReplication
import PostgresNIO

extension PostgresStore {
    public func territories() async throws(StoreError) -> [Territory] {
        try await read("listing territories") { [logger] connection in
            try await Self.territories(connection, logger: logger)
        }
    }

    static func territories(_ connection: PostgresConnection, logger: Logger) async throws -> [Territory] {
        var all: [Territory] = []
        let rows = try await connection.query("SELECT id, name, parent_id FROM territory", logger: logger)
        for try await (id, name, parent) in rows.decode((UUID, String, UUID?).self) {
            all.append(Territory(id: TerritoryID(id), name: name, parentID: parent.map { TerritoryID($0) }))
        }
        return Territory.depthFirst(all)
    }

    public func addTerritory(_ territory: Territory) async throws(StoreError) {
        try validate(territory, "territory")
        try await change("adding territory \(territory.name)") { [logger] connection, sequence in
            let seq = try await sequence.next()
            try await connection.write("""
                INSERT INTO territory (id, name, parent_id, change_seq)
                VALUES (\(territory.id.uuid), \(territory.name), \(territory.parentID?.uuid), \(seq))
                """, territory.rowContext, logger: logger)
            try await ReplicaTable.recordHubWrite(connection, territory, seq: seq, at: Date(), logger: logger)
        }
    }

    public func moveTerritory(_ id: TerritoryID, under parent: TerritoryID?) async throws(StoreError) {
        try await change("moving territory \(id)") { [logger] connection, sequence in
            guard var territory = try await Self.territory(id, connection, logger: logger) else {
                throw StoreError(.notFound, "no territory has id \(id); list them with outpost-server territory list")
            }
            guard territory.parentID != parent else { return }
            if let parent {
                guard let parentTerritory = try await Self.territory(parent, connection, logger: logger) else {
                    throw StoreError(.notFound, "no territory has id \(parent) (the new parent of \(territory.name)); "
                        + "list them with outpost-server territory list")
                }
                if try await Self.isAncestor(connection, id, of: parent, logger: logger) {
                    throw StoreError(.invalid, parent == id
                        ? "territory \(territory.name) cannot be its own parent"
                        : "cannot move territory \(territory.name) under \(parentTerritory.name): \(parentTerritory.name) is inside "
                            + "\(territory.name)'s subtree, so the move would make a cycle")
                }
            }
            let seq = try await sequence.next()
            try await connection.query("UPDATE territory SET parent_id = \(parent?.uuid), change_seq = \(seq) WHERE id = \(id.uuid)",
                                       logger: logger)
            territory.parentID = parent
            try await ReplicaTable.recordHubWrite(connection, territory, seq: seq, at: Date(), logger: logger)
        }
    }

    public func renameTerritory(_ id: TerritoryID, to name: String) async throws(StoreError) {
        try await change("renaming territory \(id)") { [logger] connection, sequence in
            guard var territory = try await Self.territory(id, connection, logger: logger) else {
                throw StoreError(.notFound, "no territory has id \(id); list them with outpost-server territory list")
            }
            territory.name = name
            try validate(territory, "territory")
            let seq = try await sequence.next()
            try await connection.write("UPDATE territory SET name = \(name), change_seq = \(seq) WHERE id = \(id.uuid)",
                                       territory.rowContext, logger: logger)
            try await ReplicaTable.recordHubWrite(connection, territory, seq: seq, at: Date(), logger: logger)
        }
    }

    public func removeTerritory(_ id: TerritoryID, now: Date) async throws(StoreError) {
        try await change("removing territory \(id)") { [logger] connection, sequence in
            guard let territory = try await Self.territory(id, connection, logger: logger) else {
                throw StoreError(.notFound, "no territory has id \(id); list them with outpost-server territory list")
            }
            let counts = try await connection.query("""
                SELECT (SELECT count(*) FROM territory WHERE parent_id = \(id.uuid)),
                       (SELECT count(*) FROM account WHERE territory_id = \(id.uuid)),
                       (SELECT count(*) FROM lead WHERE territory_id = \(id.uuid)),
                       (SELECT count(*) FROM user_territory WHERE territory_id = \(id.uuid)),
                       (SELECT count(*) FROM forecast_submission WHERE territory_id = \(id.uuid))
                """, logger: logger)
            let nouns = ["child territories", "accounts", "leads", "assigned users", "forecast submissions"]
            var held: [String] = []
            for try await row in counts.decode((Int64, Int64, Int64, Int64, Int64).self) {
                for (count, noun) in zip([row.0, row.1, row.2, row.3, row.4], nouns) where count > 0 {
                    held.append("\(count) \(noun)")
                }
            }
            let quotas = try await ReplicaTable.liveCount(of: .quota, routedTo: id, connection, logger: logger)
            if quotas > 0 { held.append("\(quotas) quotas") }
            guard held.isEmpty else {
                throw StoreError(.invalid, "territory \(territory.name) still holds \(held.joined(separator: ", ")); "
                    + "move or remove them first (territory move, user assign, import with other territories)")
            }
            try await connection.query("DELETE FROM territory WHERE id = \(id.uuid)", logger: logger)
            let seq = try await sequence.next()
            try await ReplicaTable.recordHubDelete(connection, RecordID(id), seq: seq, at: now, logger: logger)
        }
    }

    /// The territory `id`, locked for the rest of the transaction.
    static func territory(_ id: TerritoryID, _ connection: PostgresConnection, logger: Logger) async throws -> Territory? {
        let rows = try await connection.query("SELECT id, name, parent_id FROM territory WHERE id = \(id.uuid) FOR UPDATE",
                                              logger: logger)
        for try await (id, name, parent) in rows.decode((UUID, String, UUID?).self) {
            return Territory(id: TerritoryID(id), name: name, parentID: parent.map { TerritoryID($0) })
        }
        return nil
    }

    /// Whether `ancestor` is `id` itself or one of its ancestors.
    static func isAncestor(_ connection: PostgresConnection, _ ancestor: TerritoryID, of id: TerritoryID,
                           logger: Logger) async throws -> Bool {
        try await connection.query("""
            WITH RECURSIVE up(id) AS (
                SELECT \(id.uuid)::uuid UNION SELECT territory.parent_id FROM territory JOIN up ON territory.id = up.id
                WHERE territory.parent_id IS NOT NULL
            )
            SELECT EXISTS (SELECT 1 FROM up WHERE id = \(ancestor.uuid))
            """, logger: logger).single(Bool.self)
    }

    /// Runs the record's own checks before anything is written.
    /// - Throws: `.invalid` naming the record and the broken rule.
    func validate<R: Validatable & Identifiable>(_ record: R, _ kind: String) throws(StoreError) {
        do throws(ValidationError) {
            try record.validate()
        } catch {
            throw StoreError(.invalid, "\(kind) \(record.id): \(error)")
        }
    }
}

extension Territory {
    var rowContext: RowContext {
        RowContext(kind: "territory", id: id.description, references: ["parent_id": "parent territory"],
                   uniqueKey: "name \"\(name)\"")
    }
}
