/// The answer of `SATSolver.solve(assuming:)`.
public enum SATResult: Hashable, Sendable {
    /// A satisfying assignment. `model[v]` is the value of variable `v` for `v` in
    /// `1...variableCount`; `model[0]` is unused and always `false`.
    case satisfiable(model: [Bool])
    /// No assignment satisfies the clauses together with the assumptions.
    case unsatisfiable

    /// Whether this is `.satisfiable`.
    public var isSatisfiable: Bool {
        if case .satisfiable = self { return true }
        return false
    }
}
