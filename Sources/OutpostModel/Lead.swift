/// Where a lead stands before it is converted or dropped.
public enum LeadStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case new, contacted, qualified, converted, disqualified
}

/// A prospect not yet qualified; converts into an account, a contact and an opportunity.
public struct Lead: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: LeadID
    public var territoryID: TerritoryID
    public var company: String
    public var firstName: String
    public var lastName: String
    public var email: EmailAddress?
    public var status: LeadStatus

    public init(id: LeadID = LeadID(), territoryID: TerritoryID, company: String, firstName: String,
                lastName: String, email: EmailAddress? = nil, status: LeadStatus = .new) {
        self.id = id
        self.territoryID = territoryID
        self.company = company
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.status = status
    }

    public func validate() throws(ValidationError) {
        try Check.required(company, "company")
        try Check.required(firstName, "first_name", maxLength: 80)
        try Check.required(lastName, "last_name", maxLength: 80)
    }
}
