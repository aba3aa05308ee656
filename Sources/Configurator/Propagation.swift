/// The consequences of a set of choices in a rules model: whether the choices can be
/// satisfied, which variables they force, exclude or leave open, why, and, for impossible
/// choices, what clashes and what to undo.
///
/// ```swift
/// let model = try DIMACSModel(parsing: "p cnf 3 2\n-1 2 0\n-2 -3 0\n")
/// let result = try Propagation(model: model, choices: [1])
/// result.valid                    // true
/// result.state(of: 2)             // .forced
/// result.state(of: 3)             // .excluded
/// result.explanation(of: 3)       // effect -3, choices [1], clauses [0, 1]
/// ```
public struct Propagation: Hashable, Sendable {
    /// Whether some assignment satisfies the model's clauses and all the choices.
    public let valid: Bool
    /// The state of each variable, indexed by variable number (`states[0]` is unused and
    /// `.open`). Empty when the choices are not `valid`.
    public let states: [VariableState]
    /// An explanation for each forced or excluded variable, by variable number.
    public let explanations: [Int: Explanation]
    /// What clashes and what to undo, when the choices are not `valid`.
    public let conflict: Conflict?
    /// How many SAT calls on the whole model the propagation took (for diagnostics).
    public let solverCalls: Int

    /// Propagates `choices` (DIMACS literals taken as true) through `model`.
    ///
    /// For repeated propagation over the same model, keep a `Propagator`, which reuses its
    /// solver, the configurations it has seen and the explanations it has found.
    /// - Throws: `PropagationError.choiceOutOfRange` for a literal that is not in the model.
    public init(model: DIMACSModel, choices: [Int32]) throws(PropagationError) {
        var propagator = Propagator(model: model)
        self = try propagator.propagate(choices: choices)
    }

    /// Makes a result from its parts (used by `Propagator`).
    init(valid: Bool, states: [VariableState], explanations: [Int: Explanation], conflict: Conflict?,
         solverCalls: Int) {
        self.valid = valid
        self.states = states
        self.explanations = explanations
        self.conflict = conflict
        self.solverCalls = solverCalls
    }

    /// The state of `variable` (in `1...variableCount`); `nil` when the choices are not valid.
    public func state(of variable: Int) -> VariableState? {
        states.indices.contains(variable) && variable > 0 ? states[variable] : nil
    }

    /// Why `variable` is forced or excluded; `nil` when it is open or the choices are invalid.
    public func explanation(of variable: Int) -> Explanation? {
        explanations[variable]
    }

    /// The forced variables, ascending.
    public var forced: [Int] { states.indices.filter { $0 > 0 && states[$0] == .forced } }
    /// The excluded variables, ascending.
    public var excluded: [Int] { states.indices.filter { $0 > 0 && states[$0] == .excluded } }
}
