/// The forced and excluded variables found so far in one propagation, each with what
/// explains it.
struct Backbone {
    /// What explains a forced or excluded variable.
    enum Reason {
        /// A cached explanation whose choices still hold.
        case explained(Explanation)
        /// The choices and clauses that imply it, still to be made minimal.
        case core(UnsatisfiableCore)
    }

    /// The state of each variable, indexed by variable number.
    private(set) var states: [VariableState]
    /// Each forced (`v`) or excluded (`-v`) literal, in the order found, with its reason.
    private(set) var effects: [(literal: Int32, reason: Reason)] = []

    init(variableCount: Int) {
        states = Array(repeating: .open, count: variableCount + 1)
    }

    /// Records `literal` as true in every configuration, for `reason`.
    mutating func add(_ literal: Int32, _ reason: Reason) {
        states[Int(literal.magnitude)] = literal > 0 ? .forced : .excluded
        effects.append((literal, reason))
    }
}
