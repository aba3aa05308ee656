/// Minimal explanations of forced and excluded variables.
extension Propagator {
    /// A minimal explanation of `effect` drawn from `core` (choices and clauses that imply
    /// it), remembered in the cache. Earlier choices and clauses are preferred.
    mutating func explain(_ effect: Int32, from core: UnsatisfiableCore) -> Explanation {
        let choices = core.assumptions, clauses = core.clauses
        var explanation = Explanation(effect: effect, choices: choices, clauses: clauses)
        if choices.count + clauses.count > 1 {
            let optional = choices.map { [$0] } + clauses.map { model.clauses[$0] }
            let kept = MinimalSubset(hard: [[-effect]], optional: optional).extract()
            explanation = Explanation(effect: effect,
                                      choices: kept.filter { $0 < choices.count }.map { choices[$0] },
                                      clauses: kept.filter { $0 >= choices.count }.map { clauses[$0 - choices.count] })
        }
        cache.insert(explanation)
        return explanation
    }
}
