/// What assignment rules look at in a lead: where the prospect is, what they do
/// and what they asked about.
public struct LeadFacts: Sendable, Equatable, Codable {
    public var country: String?
    public var postcode: String?
    public var industry: String?
    public var productInterest: String?

    /// The facts of one lead; any may be missing.
    public init(country: String? = nil, postcode: String? = nil, industry: String? = nil, productInterest: String? = nil) {
        self.country = country
        self.postcode = postcode
        self.industry = industry
        self.productInterest = productInterest
    }
}
