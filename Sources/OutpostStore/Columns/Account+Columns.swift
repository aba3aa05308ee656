public import OutpostModel

extension Account: FilteredListing {
    public static let shape = TableShape(
        "account",
        writes: ["id", "territory_id", "name", "name_key", "industry", "city", "country", "phone", "last_visit", "vat_number",
                 "website", "change_seq"],
        reads: ["id", "territory_id", "name", "industry", "city", "country", "phone", "last_visit", "vat_number", "website"])

    public typealias Owner = Territory
    public static let filterColumn = "territory_id"
    public static let listingOrder = "name, id"

    /// The lower-cased name used for prefix search (`name_key`).
    public static func nameKey(_ name: String) -> String { name.lowercased() }

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .id(territoryID), .text(name), .text(Self.nameKey(name)), .text(industry), .text(city),
                                      .text(country), .text(phone), .text(lastVisit?.description), .text(vatNumber), .text(website),
                                      .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "account", id: id.description,
                           references: [RowReference("territory_id", "territory", table: "territory", id: territoryID.description)])
        })]
    }

    public init(stored row: some StoredRow) throws(StoreError) {
        self.init(id: try row.id(0, "account", "id"), territoryID: try row.id(1, "account", "territory_id"),
                  name: try row.text(2, "account", "name"), industry: try row.text(3), city: try row.text(4),
                  country: try row.text(5), phone: try row.text(6), lastVisit: try row.day(7, "account", "last_visit"),
                  vatNumber: try row.text(8), website: try row.text(9))
    }
}
