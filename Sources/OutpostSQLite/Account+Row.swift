import GRDB
import OutpostModel
import OutpostStore

extension Account {
    static let insertSQL = """
        INSERT INTO account (id, territory_id, name, name_key, industry, city, country, phone, last_visit, vat_number, website,
                             change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = "SELECT id, territory_id, name, industry, city, country, phone, last_visit, vat_number, website FROM account"

    /// The lower-cased name used for prefix search (`name_key`).
    static func nameKey(_ name: String) -> String { name.lowercased() }

    /// Inserts the account (or, with `upsert`, replaces it in place: a device's accepted write).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, territoryID.sql, name, Self.nameKey(name), industry, city, country, phone,
                      lastVisit?.description, vatNumber, website, changeSeq],
                     RowContext(kind: "account", id: id.sql,
                                references: { [Reference(label: "territory", table: "territory", id: territoryID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "account", "id"), territoryID: try .decode(row[1], "account", "territory_id"),
                  name: row[2], industry: row[3], city: row[4], country: row[5], phone: row[6],
                  lastVisit: try (row[7] as String?).map { text throws(StoreError) in
                      try CalendarDay.decode(text, "account", "last_visit")
                  }, vatNumber: row[8], website: row[9])
    }
}
