/// What a user may do; it decides a device's scope and which commands it may run.
public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
    /// Works the accounts of their territories.
    case rep
    /// Sees the whole subtree of their territories; adjusts forecasts.
    case manager
    /// The order desk: receives and processes orders.
    case desk
    /// Runs the server: territories, users, devices, catalog.
    case admin

    /// Parses a role name.
    /// - Throws: `ValidationError` naming the valid roles.
    public init(parsing text: String) throws(ValidationError) {
        guard let role = Role(rawValue: text.lowercased()) else {
            let valid = Role.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(.badFormat, field: "role", "must be one of \(valid) (got \"\(text)\")")
        }
        self = role
    }
}

/// A person who signs in on one or more devices.
public struct User: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: UserID
    /// The unique login name, lower-case letters, digits, dots, dashes: `ana.lopez`.
    public var name: String
    /// The name shown to people: `Ana López`.
    public var displayName: String
    public var role: Role
    /// The territories the user works; a manager's scope is their whole subtrees.
    public var territoryIDs: [TerritoryID]

    public init(id: UserID = UserID(), name: String, displayName: String, role: Role, territoryIDs: [TerritoryID] = []) {
        self.id = id
        self.name = name
        self.displayName = displayName
        self.role = role
        self.territoryIDs = territoryIDs
    }

    public func validate() throws(ValidationError) {
        try Check.required(name, "name", maxLength: 64)
        guard name.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "." || $0 == "-" || $0 == "_" }) else {
            throw ValidationError(.badFormat, field: "name", "must use lower-case letters, digits, '.', '-' or '_' (got \"\(name)\")")
        }
        try Check.required(displayName, "display_name", maxLength: 120)
        guard Set(territoryIDs).count == territoryIDs.count else {
            throw ValidationError(.inconsistent, field: "territories", "lists a territory twice")
        }
    }
}
