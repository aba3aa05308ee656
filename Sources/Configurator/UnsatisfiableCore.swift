/// Why a `SATSolver.solve(assuming:)` call answered `.unsatisfiable`: a subset of the
/// assumptions and of the original clauses that is unsatisfiable on its own.
///
/// The core is sufficient (these alone are unsatisfiable) but not necessarily minimal;
/// `Propagator` makes it minimal.
public struct UnsatisfiableCore: Hashable, Sendable {
    /// The assumptions involved, in the order they were passed.
    public let assumptions: [Int32]
    /// The original clauses involved, as ascending indices into the solver's input clauses.
    public let clauses: [Int]

    /// Makes a core from its parts.
    public init(assumptions: [Int32], clauses: [Int]) {
        self.assumptions = assumptions
        self.clauses = clauses
    }
}
