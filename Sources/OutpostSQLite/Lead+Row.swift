import GRDB
import OutpostModel
import OutpostStore

extension Lead {
    static let insertSQL = """
        INSERT INTO lead (id, territory_id, company, first_name, last_name, email, status, change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = "SELECT id, territory_id, company, first_name, last_name, email, status FROM lead"

    /// Inserts the lead (or, with `upsert`, replaces it in place: a device's accepted write).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, territoryID.sql, company, firstName, lastName, email?.value, status.rawValue, changeSeq],
                     RowContext(kind: "lead", id: id.sql,
                                references: { [Reference(label: "territory", table: "territory", id: territoryID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "lead", "id"), territoryID: try .decode(row[1], "lead", "territory_id"),
                  company: row[2], firstName: row[3], lastName: row[4], email: try decodeEmail(row[5], "lead"),
                  status: try decodeEnum(row[6], "lead", "status"))
    }
}
