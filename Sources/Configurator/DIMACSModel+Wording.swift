/// Rules, choices, explanations and conflicts in words a rep can read to a customer, using
/// the option names of the model's `c N NAME` lines.
///
/// ```swift
/// let model = try DIMACSModel(parsing: "c 1 Sport\nc 2 Turbo\nc 3 Eco\np cnf 3 2\n-1 2 0\n-2 -3 0\n")
/// model.wording(ofClause: 0)  // "“Sport” requires “Turbo”"
/// model.wording(ofClause: 1)  // "“Turbo” excludes “Eco”"
/// model.wording(ofChoice: -3) // "you ruled out “Eco”"
/// ```
extension DIMACSModel {
    /// The name of `variable` in quotes: its `c N NAME` name, or “option N” when it has none.
    public func optionName(_ variable: Int) -> String {
        "“\(names[variable] ?? "option \(variable)")”"
    }

    /// The clause at `index` of `clauses` as a rule: what requires, excludes or needs what.
    public func wording(ofClause index: Int) -> String {
        var conditions: [String] = [], outcomes: [String] = []
        var seen: Set<Int32> = []
        for literal in clauses[index] where seen.insert(literal).inserted {
            if literal < 0 { conditions.append(optionName(Int(-literal))) } else { outcomes.append(optionName(Int(literal))) }
        }
        switch (conditions.count, outcomes.count) {
        case (0, 0): return "an empty rule that no configuration satisfies"
        case (0, 1): return "\(outcomes[0]) is always included"
        case (0, _): return "one of \(Self.list(outcomes, "or")) is always included"
        case (1, 0): return "\(conditions[0]) is never available"
        case (2, 0): return "\(conditions[0]) excludes \(conditions[1])"
        case (_, 0): return "\(Self.list(conditions, "and")) cannot all be combined"
        case (1, _): return "\(conditions[0]) requires \(Self.list(outcomes, "or"))"
        default: return "\(Self.list(conditions, "and")) together require \(Self.list(outcomes, "or"))"
        }
    }

    /// A choice: “you chose …” for a positive literal, “you ruled out …” for a negative one.
    public func wording(ofChoice literal: Int32) -> String {
        literal > 0 ? "you chose \(optionName(Int(literal)))" : "you ruled out \(optionName(Int(-literal)))"
    }

    /// A forced (positive) or excluded (negative) option.
    public func wording(ofEffect literal: Int32) -> String {
        literal > 0 ? "\(optionName(Int(literal))) is required" : "\(optionName(Int(-literal))) is not available"
    }

    /// The effect, then the choices and rules behind it, e.g.
    /// “Eco” is not available: you chose “Sport”; “Sport” requires “Turbo”; “Turbo” excludes “Eco”.
    public func wording(of explanation: Explanation) -> String {
        var clauseWordings: [Int: String] = [:]
        return wording(of: explanation, clauseWordings: &clauseWordings)
    }

    /// ``wording(of:)``, taking each cited clause's wording from `clauseWordings` and
    /// adding those it words: the explanations of one configuration share most of their
    /// clauses (20,208 citations of 6,882 clauses on a 15,000-option model).
    public func wording(of explanation: Explanation, clauseWordings: inout [Int: String]) -> String {
        var reasons = explanation.choices.map(wording(ofChoice:))
        for clause in explanation.clauses {
            if let known = clauseWordings[clause] {
                reasons.append(known)
            } else {
                let words = wording(ofClause: clause)
                clauseWordings[clause] = words
                reasons.append(words)
            }
        }
        return "\(wording(ofEffect: explanation.effect)): \(reasons.joined(separator: "; "))."
    }

    /// What clashes and what to undo, e.g. These choices cannot be combined: you chose
    /// “Sport”; you chose “Eco”; “Sport” requires “Turbo”; “Turbo” excludes “Eco”. To go on,
    /// undo choosing “Sport”.
    public func wording(of conflict: Conflict) -> String {
        let rules = conflict.clauses.map(wording(ofClause:))
        guard !conflict.choices.isEmpty else {
            return "The product's rules contradict each other: \(rules.joined(separator: "; ")). No choice can fix this; the model needs correcting."
        }
        let reasons = conflict.choices.map(wording(ofChoice:)) + rules
        let undo = conflict.undo.map { $0 > 0 ? "choosing \(optionName(Int($0)))" : "ruling out \(optionName(Int(-$0)))" }
        return "These choices cannot be combined: \(reasons.joined(separator: "; ")). To go on, undo \(Self.list(undo, "and"))."
    }

    /// `["A", "B", "C"]` as “A, B and C” (with `conjunction` “and” or “or”).
    private static func list(_ items: [String], _ conjunction: String) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return "\(items.dropLast().joined(separator: ", ")) \(conjunction) \(last)"
    }
}
