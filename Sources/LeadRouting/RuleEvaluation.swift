/// How one rule judged one lead: matched or not, and each criterion's verdict in
/// words, so `outpost-server rule test` can say why.
public struct RuleEvaluation: Sendable, Equatable, Codable {
    /// One criterion of the rule and whether the lead met it.
    public struct Check: Sendable, Equatable, Codable {
        /// What was compared, e.g. `postcode 80331 starts with 80`.
        public var text: String
        public var met: Bool
    }

    public var rule: AssignmentRule
    public var checks: [Check]

    /// Whether every criterion was met.
    public var matched: Bool { checks.allSatisfy(\.met) }

    /// Judges `facts` against `rule`.
    public init(rule: AssignmentRule, facts: LeadFacts) {
        self.rule = rule
        var checks: [Check] = []
        if let wanted = rule.country {
            checks.append(Self.equal("country", facts.country, wanted))
        }
        if !rule.postcodePrefixes.isEmpty {
            let postcode = facts.postcode.map(Self.normalised) ?? ""
            let hit = rule.postcodePrefixes.first { !postcode.isEmpty && postcode.hasPrefix(Self.normalised($0)) }
            checks.append(Check(
                text: hit.map { "postcode \(postcode) starts with \($0)" }
                    ?? "postcode \(facts.postcode ?? "(none)") starts with none of \(rule.postcodePrefixes.joined(separator: ", "))",
                met: hit != nil))
        }
        if let wanted = rule.industry {
            checks.append(Self.equal("industry", facts.industry, wanted))
        }
        if let wanted = rule.productInterest {
            checks.append(Self.equal("product interest", facts.productInterest, wanted))
        }
        if checks.isEmpty { checks.append(Check(text: "no criteria: matches every lead", met: true)) }
        self.checks = checks
    }

    /// The verdict on one exact-match criterion.
    private static func equal(_ name: String, _ value: String?, _ wanted: String) -> Check {
        let met = value.map { normalised($0) == normalised(wanted) } ?? false
        return Check(text: "\(name) \(value ?? "(none)") \(met ? "is" : "is not") \(wanted)", met: met)
    }

    /// Text as rules compare it: trimmed, upper-cased, inner spaces dropped
    /// (`80 331` and `80331` are one postcode).
    static func normalised(_ text: String) -> String {
        String(text.uppercased().filter { !$0.isWhitespace })
    }
}
