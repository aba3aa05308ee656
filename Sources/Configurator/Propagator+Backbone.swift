/// The SAT calls of a propagation: settling every variable unit propagation left open.
extension Propagator {
    /// Settles each variable of `backbone` still open after unit propagation as open,
    /// forced or excluded, given `first`, a model of the rules and `choices`.
    ///
    /// Values seen in `first`, in kept models agreeing with the choices, or in the models
    /// found are possible. A variable with an unseen value gets a call assuming that value,
    /// which prefers every other unseen value so that its model shows as many of them as it
    /// can; an unsatisfiable call proves the seen value forced.
    /// - Returns: the number of SAT calls made.
    mutating func completeBackbone(_ backbone: inout Backbone, choices: [Int32], from first: [Bool]) -> Int {
        var coverage = Coverage(variableCount: variableCount)
        coverage.absorb(first)
        for kept in pool.models(satisfying: choices) { coverage.absorb(kept) }
        pool.add(first)
        let candidates = stride(from: 1, through: variableCount, by: 1).filter {
            backbone.states[$0] == .open && !coverage.isOpen($0)
        }
        let chosen = Set(choices)
        var assumptions = choices + [0]
        var calls = 0
        for (position, variable) in candidates.enumerated() where !coverage.isOpen(variable) {
            let remaining = candidates[(position + 1)...].filter { !coverage.isOpen($0) }
            let preferences = remaining.map { coverage.canBeTrue[$0] ? -Int32($0) : Int32($0) }
            let seen = coverage.canBeTrue[variable] ? Int32(variable) : -Int32(variable)
            assumptions[choices.count] = -seen
            calls += 1
            if case let .satisfiable(found) = solver.solve(assuming: assumptions, preferring: preferences) {
                coverage.absorb(found)
                pool.add(found)
                continue
            }
            if let cached = cache.explanation(of: seen, within: chosen) {
                backbone.add(seen, .explained(cached))
            } else {
                // The whole model and choices are a (large) core should the solver keep none.
                let failed = solver.unsatisfiableCore()
                    ?? UnsatisfiableCore(assumptions: choices, clauses: Array(model.clauses.indices))
                let core = UnsatisfiableCore(assumptions: failed.assumptions.filter { $0 != -seen }, clauses: failed.clauses)
                backbone.add(seen, .core(core))
            }
        }
        return calls
    }
}
