public import OutpostModel

extension Lead: FilteredListing {
    public static let shape = TableShape(
        "lead",
        writes: ["id", "territory_id", "company", "first_name", "last_name", "email", "status", "owner_id", "country", "postcode",
                 "industry", "product_interest", "change_seq"],
        reads: ["id", "territory_id", "company", "first_name", "last_name", "email", "status", "owner_id", "country", "postcode",
                "industry", "product_interest"])

    public typealias Owner = Territory
    public static let filterColumn = "territory_id"
    public static let listingOrder = "company, id"

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .id(territoryID), .text(company), .text(firstName), .text(lastName), .text(email?.value),
                                      .text(status.rawValue), .id(ownerID), .text(country), .text(postcode), .text(industry),
                                      .text(productInterest), .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "lead", id: id.description,
                           references: [RowReference("territory_id", "territory", table: "territory", id: territoryID.description),
                                        RowReference("owner_id", "owner user", table: "\"user\"", id: ownerID?.description)])
        })]
    }

    public init(stored row: some StoredRow) throws(StoreError) {
        self.init(id: try row.id(0, "lead", "id"), territoryID: try row.id(1, "lead", "territory_id"),
                  company: try row.text(2, "lead", "company"), firstName: try row.text(3, "lead", "first_name"),
                  lastName: try row.text(4, "lead", "last_name"), email: try row.email(5, "lead"),
                  status: try row.value(6, "lead", "status"), ownerID: try row.optionalID(7), country: try row.text(8),
                  postcode: try row.text(9), industry: try row.text(10), productInterest: try row.text(11))
    }
}
