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
    /// The rep the lead is assigned to, if anyone (web-to-lead assignment sets it).
    public var ownerID: UserID?
    /// Where the prospect is: an ISO 3166 country code such as `DE`.
    public var country: String?
    /// The prospect's postcode, which assignment rules match by prefix.
    public var postcode: String?
    /// The prospect's industry, as the web form names it.
    public var industry: String?
    /// The product the prospect asked about.
    public var productInterest: String?

    public init(id: LeadID = LeadID(), territoryID: TerritoryID, company: String, firstName: String,
                lastName: String, email: EmailAddress? = nil, status: LeadStatus = .new, ownerID: UserID? = nil,
                country: String? = nil, postcode: String? = nil, industry: String? = nil, productInterest: String? = nil) {
        self.id = id
        self.territoryID = territoryID
        self.company = company
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.status = status
        self.ownerID = ownerID
        self.country = country
        self.postcode = postcode
        self.industry = industry
        self.productInterest = productInterest
    }

    /// Whether the lead still needs work (neither converted nor disqualified).
    public var isOpen: Bool { status != .converted && status != .disqualified }

    public func validate() throws(ValidationError) {
        try Check.required(company, "company")
        try Check.required(firstName, "first_name", maxLength: 80)
        try Check.required(lastName, "last_name", maxLength: 80)
        try Check.optional(country, "country", maxLength: 80)
        try Check.optional(postcode, "postcode", maxLength: 20)
        try Check.optional(industry, "industry", maxLength: 80)
        try Check.optional(productInterest, "product_interest", maxLength: 200)
    }
}
