/// Where a lead goes and why: the rules' verdicts, the territory, the reps who
/// could take it and the one who does. `outpost-server rule test` prints it;
/// `POST /leads` acts on it.
public struct LeadDecision: Sendable, Equatable, Codable {
    /// Every rule's verdict, in the order tried.
    public var evaluations: [RuleEvaluation]
    /// The rule that decided, or `nil`: no rule matched and the lead is queued.
    public var rule: String?
    /// The territory the lead goes to (the queue territory when no rule matched).
    public var territory: String
    /// The territory's reps with their open leads.
    public var candidates: [RepCandidate]
    /// The rep who takes the lead, if the territory has any.
    public var owner: RepCandidate?

    public init(evaluations: [RuleEvaluation], rule: String?, territory: String, candidates: [RepCandidate], owner: RepCandidate?) {
        self.evaluations = evaluations
        self.rule = rule
        self.territory = territory
        self.candidates = candidates
        self.owner = owner
    }

    /// Whether no rule matched and the lead went to the queue territory.
    public var queued: Bool { rule == nil }
}
