import GRDB
import OutpostModel
import OutpostStore

extension Territory {
    static let insertSQL = "INSERT INTO territory (id, name, parent_id, change_seq) VALUES (?, ?, ?, ?)"
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = "SELECT id, name, parent_id FROM territory"

    /// Inserts the territory with the given change sequence value (or, with `upsert`, replaces it in place).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL, [id.sql, name, parentID?.sql, changeSeq], rowContext)
    }

    var rowContext: RowContext {
        RowContext(kind: "territory", id: id.sql,
                   references: { [Reference(label: "parent territory", table: "territory", id: parentID?.sql)] },
                   uniqueKey: { "name \"\(name)\"" })
    }

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

    /// Orders the territories of a batch so that every parent in the batch comes before
    /// its children. Parents outside the batch must already be stored.
    /// - Throws: `.invalid` when the batch's parent links form a cycle.
    static func parentsFirst(_ territories: [Territory]) throws(StoreError) -> [Territory] {
        let ordered = depthFirst(territories)
        guard ordered.count == territories.count else {
            let reached = Set(ordered.map(\.id))
            let stuck = territories.filter { !reached.contains($0.id) }.map(\.name).sorted()
            throw StoreError(.invalid, "territories \(stuck.joined(separator: ", ")) are each other's parents (a cycle); "
                + "give one of them a parent outside the cycle or none")
        }
        return ordered
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
