/// Starting from a model's root: what its rules force and exclude with no choice made.
///
/// Every variable the rules alone force or exclude stays so whatever the choices, and its
/// explanation (citing no choice) stays minimal, so a propagator that knows the root
/// needs no SAT call to settle those variables again: on an industrial model they are
/// most of the calls. A device keeps the root's ``Propagation/rootConsequences`` and
/// starts from them.
///
/// ```swift
/// let kept = try Propagation(model: model, choices: []).rootConsequences!
/// let root = Propagation(model: model, rootConsequences: kept)!
/// var propagator = Propagator(model: model, root: root)
/// let result = try propagator.propagate(choices: [12])   // as without the root
/// ```
extension Propagator {
    /// Makes a propagator for `model` that takes `root`, the propagation of no choice
    /// through `model`, as known. A `root` that is not a valid propagation of no choice
    /// is not used.
    public init(model: DIMACSModel, root: Propagation) {
        self.model = model
        self.root = root.rootConsequences == nil || root.states.count != model.variableCount + 1 ? nil : root
        solver = SATSolver(variableCount: model.variableCount, clauses: model.clauses)
    }
}

extension Propagation {
    /// What a valid propagation of no choice found: the explanation of each forced or
    /// excluded variable, by variable; `nil` for another propagation (of choices, or
    /// invalid).
    public var rootConsequences: [Explanation]? {
        guard valid, explanations.values.allSatisfy(\.choices.isEmpty) else { return nil }
        return explanations.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The propagation of no choice through `model` whose forced and excluded variables
    /// are the effects of `consequences`, every other variable open: the inverse of
    /// ``rootConsequences``.
    ///
    /// Returns `nil` when `consequences` do not fit `model`: an effect that is not a
    /// literal of it or stands twice, an explanation that cites a choice or a clause the
    /// model lacks. Consequences that fit but are wrong give wrong answers: pass only
    /// what ``rootConsequences`` gave for this model.
    public init?(model: DIMACSModel, rootConsequences consequences: [Explanation]) {
        var states = Array(repeating: VariableState.open, count: model.variableCount + 1)
        var explanations: [Int: Explanation] = [:]
        for explanation in consequences {
            let variable = Int(explanation.effect.magnitude)
            guard variable >= 1, variable <= model.variableCount, states[variable] == .open,
                  explanation.choices.isEmpty, explanation.clauses.allSatisfy(model.clauses.indices.contains) else { return nil }
            states[variable] = explanation.effect > 0 ? .forced : .excluded
            explanations[variable] = explanation
        }
        self.init(valid: true, states: states, explanations: explanations, conflict: nil, solverCalls: 0)
    }
}

extension Backbone {
    /// Adds each forced or excluded variable of `root` still open here, with its
    /// explanation, where `first` (a model of the current choices) agrees with it.
    mutating func adopt(_ root: Propagation, agreeing first: [Bool]) {
        for (variable, explanation) in root.explanations where states[variable] == .open && first[variable] == (explanation.effect > 0) {
            add(explanation.effect, .explained(explanation))
        }
    }
}
