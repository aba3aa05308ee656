import GRDB
import OutpostModel
import OutpostStore

extension User {
    static let insertSQL = #"INSERT INTO "user" (id, name, display_name, role, change_seq) VALUES (?, ?, ?, ?, ?)"#
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let insertTerritorySQL = "INSERT INTO user_territory (user_id, territory_id, position) VALUES (?, ?, ?)"
    static let selectSQL = #"SELECT id, name, display_name, role FROM "user""#

    /// Inserts the user and its territory assignments (or, with `upsert`, replaces both in place).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL, [id.sql, name, displayName, role.rawValue, changeSeq],
                     RowContext(kind: "user", id: id.sql, uniqueKey: { "name \"\(name)\"" }))
        if upsert { try db.execute(sql: "DELETE FROM user_territory WHERE user_id = ?", arguments: [id.sql]) }
        try Self.insertAssignments(db, userID: id, territoryIDs)
    }

    /// Inserts `user_territory` rows in the order given.
    static func insertAssignments(_ db: Database, userID: UserID, _ territoryIDs: [TerritoryID]) throws {
        for (position, territoryID) in territoryIDs.enumerated() {
            try db.write(insertTerritorySQL, [userID.sql, territoryID.sql, position],
                         RowContext(kind: "user", id: userID.sql,
                                    references: { [Reference(label: "territory", table: "territory", id: territoryID.sql),
                                                   Reference(label: "user", table: "\"user\"", id: userID.sql)] },
                                    uniqueKey: { "territory \(territoryID.sql) (listed twice)" }))
        }
    }

    /// Decodes a row of `selectSQL`; the territories come from `user_territory`.
    init(row: Row, territories: [TerritoryID]) throws(StoreError) {
        self.init(id: try .decode(row[0], "user", "id"), name: row[1], displayName: row[2],
                  role: try decodeEnum(row[3], "user", "role"), territoryIDs: territories)
    }

    /// Users matching `filter` (an SQL condition on `"user"`), by name, with their territories.
    static func fetch(_ db: Database, where filter: String? = nil, arguments: StatementArguments = []) throws -> [User] {
        let condition = filter.map { " WHERE \($0)" } ?? ""
        let rows = try Row.fetchAll(db.cachedStatement(sql: selectSQL + condition + " ORDER BY name, id"), arguments: arguments)
        guard !rows.isEmpty else { return [] }
        var territories: [String: [TerritoryID]] = [:]
        let assignmentSQL = "SELECT user_id, territory_id FROM user_territory"
            + (filter == nil ? "" : #" WHERE user_id IN (SELECT id FROM "user" WHERE \#(filter!))"#)
            + " ORDER BY user_id, position"
        let assignments = try Row.fetchCursor(db.cachedStatement(sql: assignmentSQL), arguments: arguments)
        while let row = try assignments.next() {
            territories[row[0], default: []].append(try .decode(row[1], "user_territory", "territory_id"))
        }
        return try rows.map { row throws(StoreError) in try User(row: row, territories: territories[row[0]] ?? []) }
    }
}
