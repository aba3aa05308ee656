/// Web-to-lead assignment: which territory a lead goes to, and which rep there
/// takes it. Pure: the store supplies the rules and the candidates.
public enum LeadRouter {
    /// Every rule judged against `facts`, in the order rules are tried (priority,
    /// then name); the first that matched decides.
    public static func evaluate(_ rules: [AssignmentRule], facts: LeadFacts) -> [RuleEvaluation] {
        rules.sorted { ($0.priority, $0.name) < ($1.priority, $1.name) }.map { RuleEvaluation(rule: $0, facts: facts) }
    }

    /// The first matching rule's evaluation, or `nil` when no rule matches (the
    /// lead goes to the queue territory).
    public static func match(_ rules: [AssignmentRule], facts: LeadFacts) -> RuleEvaluation? {
        evaluate(rules, facts: facts).first(where: \.matched)
    }

    /// The rep who takes the next lead among `candidates`: the fewest open leads;
    /// ties go to the one assigned a lead least recently (never before counts as
    /// longest ago), then by name so the choice is deterministic.
    public static func choose(_ candidates: [RepCandidate]) -> RepCandidate? {
        candidates.min { a, b in
            if a.openLeads != b.openLeads { return a.openLeads < b.openLeads }
            if a.lastAssignedAt != b.lastAssignedAt { return (a.lastAssignedAt ?? Int64.min) < (b.lastAssignedAt ?? Int64.min) }
            return a.name < b.name
        }
    }
}

/// A rep who could take a lead, with what the choice looks at.
public struct RepCandidate: Sendable, Equatable, Codable {
    /// The user's id, as text.
    public var userID: String
    /// The user's login name.
    public var name: String
    /// Leads they own that are neither converted nor disqualified.
    public var openLeads: Int
    /// When they were last assigned a lead (milliseconds since 1970), if ever.
    public var lastAssignedAt: Int64?

    public init(userID: String, name: String, openLeads: Int, lastAssignedAt: Int64?) {
        self.userID = userID
        self.name = name
        self.openLeads = openLeads
        self.lastAssignedAt = lastAssignedAt
    }
}
