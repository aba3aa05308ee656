/// A web-to-lead assignment rule: when a lead matches every criterion the rule
/// sets, it goes to the rule's territory. Criteria left `nil` (or no postcode
/// prefixes) match anything; text compares without regard to case or surrounding
/// spaces. Rules are tried by `priority` (lowest first), then by name.
public struct AssignmentRule: Sendable, Equatable, Codable {
    /// The rule's unique name, e.g. `bavaria`.
    public var name: String
    /// Lower runs first.
    public var priority: Int
    /// The ISO country code the lead must have, e.g. `DE`.
    public var country: String?
    /// The lead's postcode must start with one of these (any, when empty).
    public var postcodePrefixes: [String]
    /// The industry the lead must name.
    public var industry: String?
    /// The product interest the lead must name.
    public var productInterest: String?
    /// The name of the territory a matching lead goes to.
    public var territory: String

    /// A rule; see the properties.
    public init(name: String, priority: Int = 100, country: String? = nil, postcodePrefixes: [String] = [],
                industry: String? = nil, productInterest: String? = nil, territory: String) {
        self.name = name
        self.priority = priority
        self.country = country
        self.postcodePrefixes = postcodePrefixes
        self.industry = industry
        self.productInterest = productInterest
        self.territory = territory
    }

    /// Whether the rule sets no criterion at all (it would match every lead).
    public var matchesEverything: Bool {
        country == nil && postcodePrefixes.isEmpty && industry == nil && productInterest == nil
    }

    /// The criteria in words, e.g. `country DE, postcode 80…|81…`.
    public var summary: String {
        var parts: [String] = []
        if let country { parts.append("country \(country)") }
        if !postcodePrefixes.isEmpty { parts.append("postcode " + postcodePrefixes.map { $0 + "…" }.joined(separator: "|")) }
        if let industry { parts.append("industry \(industry)") }
        if let productInterest { parts.append("product interest \(productInterest)") }
        return parts.isEmpty ? "every lead" : parts.joined(separator: ", ")
    }
}
