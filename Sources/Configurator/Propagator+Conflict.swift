/// Impossible requests: the minimal clash and the fewest choices to undo.
extension Propagator {
    /// The result for `choices` that cannot all hold, given `core`, a subset of them that
    /// already cannot.
    mutating func invalid(_ choices: [Int32], core: [Int32], solverCalls: Int) -> Propagation {
        var calls = solverCalls + 1
        let rulesHold = solver.solve(assuming: []).isSatisfiable
        let clashing = rulesHold ? minimalClash(core, calls: &calls) : []
        var clauses: [Int] = []
        calls += 1
        if case .unsatisfiable = solver.solve(assuming: clashing), let full = solver.unsatisfiableCore() {
            let subset = MinimalSubset(hard: clashing.map { [$0] }, optional: full.clauses.map { model.clauses[$0] })
            clauses = subset.extract().map { full.clauses[$0] }
        }
        let undo = rulesHold ? fewestToUndo(choices, knowing: clashing, calls: &calls) : []
        let conflict = Conflict(choices: clashing, clauses: clauses, undo: undo)
        return Propagation(valid: false, states: [], explanations: [:], conflict: conflict, solverCalls: calls)
    }

    /// A minimal subset of `core` (choices in their order) that the model cannot satisfy.
    private mutating func minimalClash(_ core: [Int32], calls: inout Int) -> [Int32] {
        QuickXPlain.minimalConflict(among: core) { subset in
            calls += 1
            return !solver.solve(assuming: subset).isSatisfiable
        }
    }

    /// A smallest set of `choices` whose removal leaves satisfiable choices, undoing the
    /// earliest ones among equally small sets. Implicit hitting sets: undo a minimum
    /// hitting set of the clashes found so far; if the rest still clashes, add that clash.
    private mutating func fewestToUndo(_ choices: [Int32], knowing first: [Int32], calls: inout Int) -> [Int32] {
        var clashes = [Set(first)]
        var distinct: [Int32] = []
        for choice in choices where !distinct.contains(choice) { distinct.append(choice) }
        while true {
            let involved = distinct.filter { choice in clashes.contains { $0.contains(choice) } }
            let undo = Set(HittingSet.minimum(of: clashes, elements: involved))
            let kept = choices.filter { !undo.contains($0) }
            calls += 1
            guard case .unsatisfiable = solver.solve(assuming: kept) else {
                return distinct.filter(undo.contains)
            }
            let core = solver.unsatisfiableCore()?.assumptions ?? kept
            clashes.append(Set(minimalClash(core, calls: &calls)))
        }
    }
}
