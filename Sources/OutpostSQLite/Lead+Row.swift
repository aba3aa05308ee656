import GRDB
import OutpostModel
import OutpostStore

extension Lead {
    static let insertSQL = """
        INSERT INTO lead (id, territory_id, company, first_name, last_name, email, status, owner_id, country, postcode,
                          industry, product_interest, change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = """
        SELECT id, territory_id, company, first_name, last_name, email, status, owner_id, country, postcode, industry,
               product_interest FROM lead
        """

    /// Inserts the lead (or, with `upsert`, replaces it in place: a device's accepted write).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, territoryID.sql, company, firstName, lastName, email?.value, status.rawValue, ownerID?.sql,
                      country, postcode, industry, productInterest, changeSeq],
                     RowContext(kind: "lead", id: id.sql,
                                references: { [Reference(label: "territory", table: "territory", id: territoryID.sql),
                                               Reference(label: "owner user", table: "\"user\"", id: ownerID?.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "lead", "id"), territoryID: try .decode(row[1], "lead", "territory_id"),
                  company: row[2], firstName: row[3], lastName: row[4], email: try decodeEmail(row[5], "lead"),
                  status: try decodeEnum(row[6], "lead", "status"),
                  ownerID: try .decodeOptional(row[7], "lead", "owner_id"),
                  country: row[8], postcode: row[9], industry: row[10], productInterest: row[11])
    }
}
