/// Ruling options out one at a time, as far as the rules allow: how a configuration is
/// completed without a full propagation per option.
extension Propagator {
    /// `choices` followed by `-v` for each of `variables` in turn that can still be false
    /// given the rules, `choices` and the variables ruled out before it; a variable that
    /// cannot be is left out (the choices force it).
    ///
    /// The same as ruling out each variable that a full propagation leaves open, one
    /// propagation per variable, but it needs a SAT call only for a variable true in the
    /// last model found: each call prefers every later variable false, so most variables
    /// are seen possible-false in a model already at hand.
    ///
    /// ```swift
    /// var propagator = Propagator(model: model)
    /// let full = propagator.ruleOut([4, 9, 2], after: [12])   // e.g. [12, -4, -2]: 9 is forced
    /// ```
    /// - Returns: the extended choices, or `nil` when `choices` are impossible.
    public mutating func ruleOut(_ variables: [Int], after choices: [Int32]) -> [Int32]? {
        let preferences = variables.map { -Int32($0) }
        guard case var .satisfiable(model) = solver.solve(assuming: choices, preferring: preferences) else { return nil }
        var extended = choices
        for (position, variable) in variables.enumerated() {
            let literal = -Int32(variable)
            if model[variable] {
                // Forced by what is assumed already: no search needed to know it.
                if solver.falsifies(extended, literal) { continue }
                guard case let .satisfiable(found) = solver.solve(assuming: extended + [literal],
                                                                  preferring: Array(preferences[(position + 1)...])) else { continue }
                model = found
            }
            extended.append(literal)
        }
        return extended
    }
}
