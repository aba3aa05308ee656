public import OutpostModel

extension Activity: FilteredListing {
    public static let shape = TableShape(
        "activity",
        writes: ["id", "kind", "subject", "day", "account_id", "contact_id", "opportunity_id", "owner_id", "done", "notes",
                 "due_time", "change_seq"],
        reads: ["id", "kind", "subject", "day", "account_id", "contact_id", "opportunity_id", "owner_id", "done", "notes",
                "due_time"])

    public typealias Owner = Account
    public static let filterColumn = "account_id"
    public static let listingOrder = "day, id"

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .text(kind.rawValue), .text(subject), .text(day.description), .id(accountID),
                                      .id(contactID), .id(opportunityID), .id(ownerID), .bool(done), .text(notes),
                                      .text(time?.description), .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "activity", id: id.description,
                           references: [RowReference("account_id", "account", table: "account", id: accountID.description),
                                        RowReference("contact_id", "contact", table: "contact", id: contactID?.description),
                                        RowReference("opportunity_id", "opportunity", table: "opportunity",
                                                     id: opportunityID?.description),
                                        RowReference("owner_id", "owner user", table: "\"user\"", id: ownerID.description)])
        })]
    }

    public init(stored row: some StoredRow) throws(StoreError) {
        var time: TimeOfDay?
        if let text = try row.text(10) {
            do { time = try TimeOfDay(parsing: text) } catch { throw StoreError.unreadable("activity", "due_time", error.reason) }
        }
        guard let day = try row.day(3, "activity", "day") else { throw StoreError.unreadable("activity", "day", "is NULL") }
        self.init(id: try row.id(0, "activity", "id"), kind: try row.value(1, "activity", "kind"),
                  subject: try row.text(2, "activity", "subject"), day: day, accountID: try row.id(4, "activity", "account_id"),
                  contactID: try row.optionalID(5), opportunityID: try row.optionalID(6),
                  ownerID: try row.id(7, "activity", "owner_id"), done: try row.bool(8) ?? false, notes: try row.text(9), time: time)
    }
}
