public import OutpostModel

extension Territory: DomainRecord {
    public static let shape = TableShape("territory", writes: ["id", "name", "parent_id", "change_seq"], reads: ["id", "name", "parent_id"])

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .text(name), .id(parentID), .integer(changeSeq)], upsert: upsert) { rowDescription })]
    }

    /// What a territory's row is, for errors.
    public var rowDescription: RowDescription {
        RowDescription(kind: "territory", id: id.description,
                       references: [RowReference("parent_id", "parent territory", table: "territory", id: parentID?.description)],
                       uniqueKey: "name \"\(name)\"")
    }
}

extension User: DomainRecord {
    public static let shape = TableShape("\"user\"", writes: ["id", "name", "display_name", "role", "change_seq"],
                                         reads: ["id", "name", "display_name", "role"])
    /// One territory a user works, at its position in the user's list.
    public static let territoryShape = TableShape("user_territory", writes: ["user_id", "territory_id", "position"],
                                                  reads: ["user_id", "territory_id"])

    /// The user, then their territories in order; with `upsert`, the user in place and
    /// their territories as a whole.
    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        var statements: [RowStatement] = [.write(TableRow(Self.shape, [.id(id), .text(name), .text(displayName), .text(role.rawValue),
                                                                      .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "user", id: id.description, uniqueKey: "name \"\(name)\"")
        })]
        if upsert { statements.append(.clear(table: Self.territoryShape.table, column: "user_id", value: .id(id))) }
        return statements + Self.assignments(of: id, territoryIDs)
    }

    /// The `user_territory` rows of `territories`, in the order given.
    public static func assignments(of user: UserID, _ territories: [TerritoryID]) -> [RowStatement] {
        territories.enumerated().map { position, territory in
            .write(TableRow(territoryShape, [.id(user), .id(territory), .integer(Int64(position))]) {
                RowDescription(kind: "user", id: user.description,
                               references: [RowReference("territory_id", "territory", table: "territory", id: territory.description),
                                            RowReference("user_id", "user", table: "\"user\"", id: user.description)],
                               uniqueKey: "territory \(territory) (listed twice)")
            })
        }
    }
}
