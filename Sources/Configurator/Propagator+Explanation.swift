/// Minimal explanations of forced and excluded variables.
extension Propagator {
    /// One cited element of an explanation.
    enum Part: Hashable {
        case choice(Int32)
        case clause(Int)
    }

    /// A minimal explanation of `effect` drawn from `core` (choices and clauses that imply
    /// it), remembered in the cache.
    mutating func explain(_ effect: Int32, from core: UnsatisfiableCore) -> Explanation {
        let parts = core.assumptions.map(Part.choice) + core.clauses.map(Part.clause)
        var minimal = parts
        if parts.count > 1 {
            let optional = parts.map { part in
                switch part {
                case let .choice(literal): [literal]
                case let .clause(index): model.clauses[index]
                }
            }
            minimal = MinimalSubset(hard: [[-effect]], optional: optional).extract().map { parts[$0] }
        }
        let explanation = Self.explanation(of: effect, from: minimal)
        cache.insert(explanation)
        return explanation
    }

    /// The explanation citing `parts`, choices in their given order and clauses ascending.
    static func explanation(of effect: Int32, from parts: [Part]) -> Explanation {
        var choices: [Int32] = []
        var clauses: [Int] = []
        for part in parts {
            switch part {
            case let .choice(literal): choices.append(literal)
            case let .clause(index): clauses.append(index)
            }
        }
        return Explanation(effect: effect, choices: choices, clauses: clauses.sorted())
    }
}
