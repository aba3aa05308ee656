import OutpostModel

/// `users` files: `id,name,display_name,role,territories`.
///
/// `territories` lists territory names or ids separated by `|`. Login names are
/// unique, so a row without an id updates the user of that name.
enum UserColumns: RecordColumns {
    static let kind = InterchangeKind.users
    static let matchIsIdentity = true

    static let columns: [Column<User>] = [
        Column("id", .generated) { $0.id.description },
        Column("name", .required) { $0.name },
        Column("display_name", .required) { $0.displayName },
        Column("role", .required) { $0.role.rawValue },
        Column("territories") { $0.territoryIDs.map(\.description).joined(separator: "|") },
    ]

    static func decode(_ row: inout RowDecoder) -> User? {
        let id = row.cell("id", UserID.init(parsing:field:)) ?? UserID()
        let name = row.text("name")
        let displayName = row.text("display_name")
        let role = row.cell("role") { text, _ throws(ValidationError) in try Role(parsing: text) }
        let territories = row.references("territories", among: \.territories, names: \.territoryNames, noun: "territory")
        guard row.isClean, let name, let displayName, let role else { return nil }
        return User(id: id, name: name, displayName: displayName, role: role, territoryIDs: territories)
    }

    static func matchKeys(_ user: User) -> [String] { ["name: \(user.name.lowercased())"] }
}
