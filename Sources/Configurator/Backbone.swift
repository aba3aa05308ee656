/// The forced and excluded variables found so far in one propagation, with the clause
/// core behind each one that still needs an explanation.
struct Backbone {
    /// The state of each variable, indexed by variable number.
    private(set) var states: [VariableState]
    /// Each forced (`v`) or excluded (`-v`) literal with its core, or `nil` when a cached
    /// explanation covers it.
    private(set) var effects: [(literal: Int32, core: UnsatisfiableCore?)] = []

    init(variableCount: Int) {
        states = Array(repeating: .open, count: variableCount + 1)
    }

    /// Records `literal` as true in every configuration, implied by `core`.
    mutating func add(_ literal: Int32, core: UnsatisfiableCore?) {
        states[Int(literal.magnitude)] = literal > 0 ? .forced : .excluded
        effects.append((literal, core))
    }
}
