/// Propagates choices through one rules model and explains the result, keeping between
/// calls a SAT solver (with the clauses it has learned), recent configurations and the
/// explanations found.
///
/// A propagation first unit-propagates the choices: what that fixes needs no SAT call.
/// Every satisfying assignment found (or kept from earlier calls and still agreeing with
/// the choices) shows each of its values possible, so only variables with a value never
/// seen need a call, which assumes that value's opposite and steers towards the other
/// unseen values; a call that fails proves the variable forced or excluded. The clause
/// core behind each forced or excluded variable is then cut down to a minimal explanation.
///
/// ```swift
/// var propagator = Propagator(model: model)
/// let first = try propagator.propagate(choices: [12])
/// let second = try propagator.propagate(choices: [12, -40])   // reuses what the first found
/// ```
public struct Propagator: Sendable {
    /// The model propagated through.
    public let model: DIMACSModel
    /// The number of variables of the model.
    public var variableCount: Int { model.variableCount }
    /// The proof-log size beyond which the solver is rebuilt, bounding its memory.
    static let proofLimit = 4_000_000
    var solver: SATSolver
    var pool = ModelPool()
    var cache = ExplanationCache()
    /// The model's propagation with no choice, when known (``init(model:root:)``).
    let root: Propagation?

    /// Makes a propagator for `model`'s clauses.
    public init(model: DIMACSModel) {
        self.model = model
        root = nil
        solver = SATSolver(variableCount: model.variableCount, clauses: model.clauses)
    }

    /// The consequences of `choices` (DIMACS literals taken as true, in the order made),
    /// with an explanation for every forced or excluded variable, or the conflict.
    ///
    /// Explanations found earlier are reused while the choices they cite still hold, so
    /// the same state reached by different paths may be explained differently (each
    /// explanation minimal).
    /// - Throws: `PropagationError.choiceOutOfRange` for a literal that is not in the model.
    public mutating func propagate(choices: [Int32]) throws(PropagationError) -> Propagation {
        for choice in choices where choice == 0 || Int(choice.magnitude) > variableCount {
            throw .choiceOutOfRange(literal: choice, variableCount: variableCount)
        }
        if choices.isEmpty, let root { return root }
        if solver.proofSize > Self.proofLimit {
            solver = SATSolver(variableCount: variableCount, clauses: model.clauses)
        }
        if let core = solver.propagate(assumptions: choices) {
            return invalid(choices, core: core.assumptions, solverCalls: 0)
        }
        let chosen = Set(choices)
        var backbone = Backbone(variableCount: variableCount)
        for literal in solver.implied {
            if let cached = cache.explanation(of: literal, within: chosen) {
                backbone.add(literal, .explained(cached))
            } else {
                backbone.add(literal, .core(solver.implicationCore(of: literal, assumptions: choices)))
            }
        }
        guard case let .satisfiable(first) = solver.solve(assuming: choices) else {
            return invalid(choices, core: solver.unsatisfiableCore()?.assumptions ?? choices, solverCalls: 1)
        }
        if let root { backbone.adopt(root, agreeing: first) }
        let calls = 1 + completeBackbone(&backbone, choices: choices, from: first)
        var explanations: [Int: Explanation] = [:]
        for (effect, reason) in backbone.effects {
            switch reason {
            case let .explained(explanation): explanations[Int(effect.magnitude)] = explanation
            case let .core(core): explanations[Int(effect.magnitude)] = explain(effect, from: core)
            }
        }
        return Propagation(valid: true, states: backbone.states, explanations: explanations, conflict: nil,
                           solverCalls: calls)
    }
}
