import GRDB
import OutpostModel
import OutpostStore

extension User {
    static let selectSQL = shape.selectSQL
    private static let selectByIDSQL = selectSQL + " WHERE id = ?"
    private static let territoriesByIDSQL = "SELECT territory_id FROM user_territory WHERE user_id = ? ORDER BY position"

    /// Decodes a row of `selectSQL`; the territories come from `user_territory`.
    init(row: Row, territories: [TerritoryID]) throws(StoreError) {
        self.init(id: try .decode(row[0], "user", "id"), name: row[1], displayName: row[2],
                  role: try decodeEnum(row[3], "user", "role"), territoryIDs: territories)
    }

    /// The user `id`, with its territories in their order: two statements compiled once
    /// per connection (every sync's device lookup reads its user).
    static func fetch(_ db: Database, id: UserID) throws -> User? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: selectByIDSQL), arguments: [id.sql]) else { return nil }
        let assignments = try String.fetchCursor(db.cachedStatement(sql: territoriesByIDSQL), arguments: [id.sql])
        var territories: [TerritoryID] = []
        while let text = try assignments.next() { territories.append(try .decode(text, "user_territory", "territory_id")) }
        return try User(row: row, territories: territories)
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
