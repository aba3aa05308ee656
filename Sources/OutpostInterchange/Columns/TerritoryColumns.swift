import OutpostModel

/// `territories` files: `id,name,parent_id`.
///
/// Names are unique, so a row without an id updates the territory of that name.
/// `parent_id` takes an id or a name of a stored territory.
enum TerritoryColumns: RecordColumns {
    static let kind = InterchangeKind.territories
    static let matchIsIdentity = true

    static let columns: [Column<Territory>] = [
        Column("id", .generated) { $0.id.description },
        Column("name", .required) { $0.name },
        Column("parent_id") { $0.parentID?.description ?? "" },
    ]

    static func decode(_ row: inout RowDecoder) -> Territory? {
        let id = row.cell("id", TerritoryID.init(parsing:field:)) ?? TerritoryID()
        let name = row.text("name")
        let parentID = row.reference("parent_id", among: \.territories, names: \.territoryNames, noun: "territory")
        guard row.isClean, let name else { return nil }
        return Territory(id: id, name: name, parentID: parentID)
    }

    static func matchKeys(_ territory: Territory) -> [String] { ["name: \(territory.name.lowercased())"] }
}
