public import OutpostModel

extension Contact: FilteredListing {
    public static let shape = TableShape(
        "contact",
        writes: ["id", "account_id", "first_name", "last_name", "email", "phone", "title", "change_seq"],
        reads: ["id", "account_id", "first_name", "last_name", "email", "phone", "title"])

    public typealias Owner = Account
    public static let filterColumn = "account_id"
    public static let listingOrder = "last_name, first_name, id"

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .id(accountID), .text(firstName), .text(lastName), .text(email?.value), .text(phone),
                                      .text(title), .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "contact", id: id.description,
                           references: [RowReference("account_id", "account", table: "account", id: accountID.description)])
        })]
    }

    public init(stored row: some StoredRow) throws(StoreError) {
        self.init(id: try row.id(0, "contact", "id"), accountID: try row.id(1, "contact", "account_id"),
                  firstName: try row.text(2, "contact", "first_name"), lastName: try row.text(3, "contact", "last_name"),
                  email: try row.email(4, "contact"), phone: try row.text(5), title: try row.text(6))
    }
}
