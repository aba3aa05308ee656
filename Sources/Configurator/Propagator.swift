/// Propagates choices through one rules model, keeping a SAT solver (and the clauses it has
/// learned) between calls.
///
/// One call finds a model of the rules and choices; a variable true in any model found cannot
/// be excluded, one false in any model cannot be forced. Only the variables not yet ruled out
/// that way are tested, each with one assumption call, and every model such a call returns
/// rules out more candidates.
public struct Propagator: Sendable {
    /// The number of variables of the model.
    public let variableCount: Int
    private var solver: SATSolver

    /// Makes a propagator for `model`'s clauses.
    public init(model: DIMACSModel) {
        variableCount = model.variableCount
        solver = SATSolver(variableCount: model.variableCount, clauses: model.clauses)
    }

    /// The consequences of `choices` (DIMACS literals taken as true).
    /// - Throws: `PropagationError.choiceOutOfRange` for a literal that is not in the model.
    public mutating func propagate(choices: [Int32]) throws(PropagationError) -> Propagation {
        for choice in choices where choice == 0 || Int(choice.magnitude) > variableCount {
            throw .choiceOutOfRange(literal: choice, variableCount: variableCount)
        }
        var calls = 1
        guard case let .satisfiable(first) = solver.solve(assuming: choices) else {
            return Propagation(valid: false, states: [], solverCalls: calls)
        }
        var canBeTrue = first
        var canBeFalse = first.map { !$0 }
        func absorb(_ model: [Bool]) {
            for variable in 1..<model.count {
                if model[variable] { canBeTrue[variable] = true } else { canBeFalse[variable] = true }
            }
        }
        var states = Array(repeating: VariableState.open, count: variableCount + 1)
        var assumptions = choices
        assumptions.append(0)
        for variable in stride(from: 1, through: variableCount, by: 1) {
            // Test the value never seen yet; at most one of the two is unseen here.
            for positive in [true, false] {
                let seen = positive ? canBeTrue[variable] : canBeFalse[variable]
                if seen { continue }
                // Steer the search towards values not seen yet, so each model prunes more.
                for other in stride(from: variable + 1, through: variableCount, by: 1) {
                    if !canBeTrue[other] { solver.preferPhase(of: other, true) }
                    else if !canBeFalse[other] { solver.preferPhase(of: other, false) }
                }
                assumptions[assumptions.count - 1] = positive ? Int32(variable) : -Int32(variable)
                calls += 1
                if case let .satisfiable(model) = solver.solve(assuming: assumptions) {
                    absorb(model)
                } else {
                    states[variable] = positive ? .excluded : .forced
                }
            }
        }
        return Propagation(valid: true, states: states, solverCalls: calls)
    }
}
