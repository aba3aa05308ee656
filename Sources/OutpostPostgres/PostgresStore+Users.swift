public import Foundation
public import OutpostModel
public import OutpostStore
import NIOCore
import PostgresNIO

extension PostgresStore {
    public func users() async throws(StoreError) -> [User] {
        try await read("listing users") { [logger] connection in
            try await Self.users(connection, named: nil, logger: logger)
        }
    }

    public func user(named name: String) async throws(StoreError) -> User? {
        try await read("looking up user \(name)") { [logger] connection in
            try await Self.users(connection, named: name, logger: logger).first
        }
    }

    /// Users (all, or the one named `name`), by name in byte order as on SQLite, with their territories.
    static func users(_ connection: PostgresConnection, named name: String?, id: UserID? = nil, logger: Logger) async throws -> [User] {
        let assignments: EventLoopFuture<PostgresQueryResult> = connection.query(UserRows.assignments(named: name, id: id), logger: logger)
        let users: EventLoopFuture<PostgresQueryResult> = connection.query(UserRows.users(named: name, id: id), logger: logger)
        return try UserRows.decode(assignments: try await assignments.get().rows, users: try await users.get().rows)
    }

    public func addUser(_ user: User) async throws(StoreError) {
        try validate(user, "user")
        try await change("adding user \(user.name)") { [logger] connection, sequence in
            let seq = try await sequence.next()
            try await connection.write("""
                INSERT INTO "user" (id, name, display_name, role, change_seq)
                VALUES (\(user.id.uuid), \(user.name), \(user.displayName), \(user.role.rawValue), \(seq))
                """, RowContext(kind: "user", id: user.id.description, uniqueKey: "name \"\(user.name)\""), logger: logger)
            try await Self.insertAssignments(connection, user.id, user.territoryIDs, logger: logger)
            try await ReplicaTable.recordHubWrite(connection, user, seq: seq, at: Date(), logger: logger)
        }
    }

    /// Inserts `user_territory` rows in the order given.
    static func insertAssignments(_ connection: PostgresConnection, _ userID: UserID, _ territoryIDs: [TerritoryID],
                                  logger: Logger) async throws {
        for (position, territoryID) in territoryIDs.enumerated() {
            try await connection.write("""
                INSERT INTO user_territory (user_id, territory_id, position) VALUES (\(userID.uuid), \(territoryID.uuid), \(position))
                """, RowContext(kind: "user", id: userID.description, references: ["territory_id": "territory", "user_id": "user"],
                                uniqueKey: "territory \(territoryID) (listed twice)"), logger: logger)
        }
    }

    public func assign(_ userID: UserID, to territories: [TerritoryID]) async throws(StoreError) {
        try await change("assigning territories to user \(userID)") { [logger] connection, sequence in
            let exists = try await connection.query(#"SELECT EXISTS (SELECT 1 FROM "user" WHERE id = \#(userID.uuid))"#, logger: logger)
                .single(Bool.self)
            guard exists else {
                throw StoreError(.notFound, "no user has id \(userID); list them with outpost-server user list")
            }
            guard Set(territories).count == territories.count else {
                throw StoreError(.invalid, "the territories for user \(userID) list one territory twice")
            }
            let seq = try await sequence.next()
            try await connection.query("DELETE FROM user_territory WHERE user_id = \(userID.uuid)", logger: logger)
            try await Self.insertAssignments(connection, userID, territories, logger: logger)
            try await connection.query(#"UPDATE "user" SET change_seq = \#(seq) WHERE id = \#(userID.uuid)"#, logger: logger)
            for user in try await Self.users(connection, named: nil, id: userID, logger: logger) {
                try await ReplicaTable.recordHubWrite(connection, user, seq: seq, at: Date(), logger: logger)
            }
        }
    }

    public func setUserDisabled(_ id: UserID, at date: Date?) async throws(StoreError) {
        try await transaction("changing whether user \(id) is disabled") { [logger] connection in
            let changed = try await connection.query(
                #"UPDATE "user" SET disabled_at = \#(date?.millisecondAligned) WHERE id = \#(id.uuid) RETURNING id"#,
                logger: logger).all(UUID.self)
            guard !changed.isEmpty else {
                throw StoreError(.notFound, "no user has id \(id); list them with outpost-server user list")
            }
        }
    }

    public func disabledUsers() async throws(StoreError) -> Set<UserID> {
        try await read("listing disabled users") { [logger] connection in
            Set(try await connection.query(#"SELECT id FROM "user" WHERE disabled_at IS NOT NULL"#, logger: logger)
                .all(UUID.self).map { UserID($0) })
        }
    }
}

extension Date {
    /// The instant rounded to the nearest millisecond, the precision both backends keep:
    /// dates are written and read through it, so a millisecond-aligned date round-trips
    /// exactly (PostgreSQL keeps microseconds, counted from 2000).
    var millisecondAligned: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

/// The queries that read users with their territories, and their decoding, for both the
/// store's async methods and the hub's blocking ledger.
enum UserRows {
    /// Each (user id, territory id) assignment of the users picked, in each user's order.
    static func assignments(named name: String?, id: UserID?) -> PostgresQuery {
        """
        SELECT ut.user_id, ut.territory_id FROM user_territory ut JOIN "user" u ON u.id = ut.user_id
        WHERE (\(name)::text IS NULL OR u.name = \(name)) AND (\(id?.uuid)::uuid IS NULL OR u.id = \(id?.uuid))
        ORDER BY ut.user_id, ut.position
        """
    }

    /// The users picked (all when both are nil), by name in byte order.
    static func users(named name: String?, id: UserID?) -> PostgresQuery {
        """
        SELECT id, name, display_name, role FROM "user"
        WHERE (\(name)::text IS NULL OR name = \(name)) AND (\(id?.uuid)::uuid IS NULL OR id = \(id?.uuid))
        ORDER BY name COLLATE "C", id
        """
    }

    /// The users of the rows of ``users(named:id:)`` with the territories of the rows of ``assignments(named:id:)``.
    static func decode(assignments: [PostgresRow], users rows: [PostgresRow]) throws -> [User] {
        var territories: [UUID: [TerritoryID]] = [:]
        for row in assignments {
            let (user, territory) = try row.decode((UUID, UUID).self)
            territories[user, default: []].append(TerritoryID(territory))
        }
        return try rows.map { row in
            let (id, name, displayName, role) = try row.decode((UUID, String, String, String).self)
            guard let role = Role(rawValue: role) else {
                throw StoreError(.database, "the database holds an unreadable value in user.role: \"\(role)\" is not a role; "
                    + "restore a backup or fix the row with psql")
            }
            return User(id: UserID(id), name: name, displayName: displayName, role: role, territoryIDs: territories[id] ?? [])
        }
    }
}
