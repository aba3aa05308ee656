import GRDB
import OutpostModel
import OutpostStore

extension Opportunity {
    static let insertSQL = """
        INSERT INTO opportunity (id, account_id, owner_id, name, stage, amount_minor, amount_currency, close_date,
                                 probability, change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = """
        SELECT id, account_id, owner_id, name, stage, amount_minor, amount_currency, close_date, probability
        FROM opportunity
        """

    /// Inserts the opportunity (or, with `upsert`, replaces it in place: a device's accepted write).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, accountID.sql, ownerID.sql, name, stage.rawValue, amount.minorUnits, amount.currency.code,
                      closeDate.description, probability, changeSeq],
                     RowContext(kind: "opportunity", id: id.sql,
                                references: { [Reference(label: "account", table: "account", id: accountID.sql),
                                               Reference(label: "owner user", table: "\"user\"", id: ownerID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "opportunity", "id"),
                  accountID: try .decode(row[1], "opportunity", "account_id"),
                  ownerID: try .decode(row[2], "opportunity", "owner_id"), name: row[3],
                  stage: try decodeEnum(row[4], "opportunity", "stage"),
                  amount: try .decode(row[5], row[6], "opportunity", "amount"),
                  closeDate: try .decode(row[7], "opportunity", "close_date"), probability: row[8])
    }
}
