public import OutpostModel

extension Opportunity: FilteredListing {
    public static let shape = TableShape(
        "opportunity",
        writes: ["id", "account_id", "owner_id", "name", "stage", "amount_minor", "amount_currency", "close_date", "probability",
                 "change_seq"],
        reads: ["id", "account_id", "owner_id", "name", "stage", "amount_minor", "amount_currency", "close_date", "probability"])

    public typealias Owner = Account
    public static let filterColumn = "account_id"
    public static let listingOrder = "close_date, name, id"

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .id(accountID), .id(ownerID), .text(name), .text(stage.rawValue),
                                      .integer(amount.minorUnits), .text(amount.currency.code), .text(closeDate.description),
                                      .integer(Int64(probability)), .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "opportunity", id: id.description,
                           references: [RowReference("account_id", "account", table: "account", id: accountID.description),
                                        RowReference("owner_id", "owner user", table: "\"user\"", id: ownerID.description)])
        })]
    }

    public init(stored row: some StoredRow) throws(StoreError) {
        guard let closeDate = try row.day(7, "opportunity", "close_date") else {
            throw StoreError.unreadable("opportunity", "close_date", "is NULL")
        }
        self.init(id: try row.id(0, "opportunity", "id"), accountID: try row.id(1, "opportunity", "account_id"),
                  ownerID: try row.id(2, "opportunity", "owner_id"), name: try row.text(3, "opportunity", "name"),
                  stage: try row.value(4, "opportunity", "stage"), amount: try row.money(5, "opportunity", "amount"),
                  closeDate: closeDate, probability: Int(try row.integer(8, "opportunity", "probability")))
    }
}
