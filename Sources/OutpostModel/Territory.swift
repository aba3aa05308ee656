/// A node of the sales territory hierarchy, e.g. `EMEA › DACH › Bavaria`.
public struct Territory: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: TerritoryID
    /// A short unique name, e.g. `Bavaria`.
    public var name: String
    /// The enclosing territory; `nil` for the root.
    public var parentID: TerritoryID?

    public init(id: TerritoryID = TerritoryID(), name: String, parentID: TerritoryID? = nil) {
        self.id = id
        self.name = name
        self.parentID = parentID
    }

    public func validate() throws(ValidationError) {
        try Check.required(name, "name", maxLength: 80)
        guard parentID != id else {
            throw ValidationError(.inconsistent, field: "parent", "a territory cannot be its own parent")
        }
    }
}
