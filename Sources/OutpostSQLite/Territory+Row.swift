import GRDB
import OutpostModel
import OutpostStore

extension Territory {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "territory", "id"), name: row[1],
                  parentID: try .decodeOptional(row[2], "territory", "parent_id"))
    }

    /// Every stored territory, parents before children, siblings by name.
    static func fetchAll(_ db: Database) throws -> [Territory] {
        var all: [Territory] = []
        let rows = try Row.fetchCursor(db.cachedStatement(sql: selectSQL))
        while let row = try rows.next() { all.append(try Territory(row: row)) }
        return depthFirst(all)
    }

    /// Whether `ancestor` is `id` itself or one of its ancestors.
    static func isAncestor(_ db: Database, _ ancestor: TerritoryID, of id: TerritoryID) throws -> Bool {
        let sql = """
            WITH RECURSIVE up(id) AS (
                SELECT ? UNION SELECT territory.parent_id FROM territory JOIN up ON territory.id = up.id
                WHERE territory.parent_id IS NOT NULL
            )
            SELECT EXISTS (SELECT 1 FROM up WHERE id = ?)
            """
        return try Bool.fetchOne(db.cachedStatement(sql: sql), arguments: [id.sql, ancestor.sql]) ?? false
    }

    /// Whether a territory with this id is stored.
    static func exists(_ db: Database, _ id: TerritoryID) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM territory WHERE id = ?)"),
                          arguments: [id.sql]) ?? false
    }
}
