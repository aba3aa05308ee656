import GRDB
import OutpostModel
import OutpostStore

extension Contact {
    static let insertSQL = """
        INSERT INTO contact (id, account_id, first_name, last_name, email, phone, title, change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = "SELECT id, account_id, first_name, last_name, email, phone, title FROM contact"

    /// Inserts the contact (or, with `upsert`, replaces it in place: a device's accepted write).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, accountID.sql, firstName, lastName, email?.value, phone, title, changeSeq],
                     RowContext(kind: "contact", id: id.sql,
                                references: { [Reference(label: "account", table: "account", id: accountID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "contact", "id"), accountID: try .decode(row[1], "contact", "account_id"),
                  firstName: row[2], lastName: row[3], email: try decodeEmail(row[4], "contact"),
                  phone: row[5], title: row[6])
    }
}

/// Parses an optional e-mail address read from `table.email`.
func decodeEmail(_ text: String?, _ table: String) throws(StoreError) -> EmailAddress? {
    guard let text else { return nil }
    do throws(ValidationError) {
        return try EmailAddress(text)
    } catch {
        throw StoreError.corrupt(table, "email", error.reason)
    }
}
