import GRDB
import OutpostModel
import OutpostStore

extension Activity {
    static let insertSQL = """
        INSERT INTO activity (id, kind, subject, day, account_id, contact_id, opportunity_id, owner_id, done, notes,
                              due_time, change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = """
        SELECT id, kind, subject, day, account_id, contact_id, opportunity_id, owner_id, done, notes, due_time FROM activity
        """

    /// Inserts the activity (or, with `upsert`, replaces it in place: a device's accepted write).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, kind.rawValue, subject, day.description, accountID.sql, contactID?.sql, opportunityID?.sql,
                      ownerID.sql, done, notes, time?.description, changeSeq],
                     RowContext(kind: "activity", id: id.sql,
                                references: { [Reference(label: "account", table: "account", id: accountID.sql),
                                               Reference(label: "contact", table: "contact", id: contactID?.sql),
                                               Reference(label: "opportunity", table: "opportunity", id: opportunityID?.sql),
                                               Reference(label: "owner user", table: "\"user\"", id: ownerID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        var time: TimeOfDay?
        if let text = row[10] as String? {
            do { time = try TimeOfDay(parsing: text) } catch { throw StoreError.corrupt("activity", "due_time", error.reason) }
        }
        self.init(id: try .decode(row[0], "activity", "id"), kind: try decodeEnum(row[1], "activity", "kind"),
                  subject: row[2], day: try .decode(row[3], "activity", "day"),
                  accountID: try .decode(row[4], "activity", "account_id"),
                  contactID: try .decodeOptional(row[5], "activity", "contact_id"),
                  opportunityID: try .decodeOptional(row[6], "activity", "opportunity_id"),
                  ownerID: try .decode(row[7], "activity", "owner_id"), done: row[8], notes: row[9], time: time)
    }
}
