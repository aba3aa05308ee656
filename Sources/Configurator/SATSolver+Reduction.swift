/// Deletion of learned clauses, so propagation stays fast over long sessions.
extension SATSolver {
    /// Keeps the learned clauses of literal-block distance 2 or less and the better half of
    /// the others (lower distance first, then newer), compacts the arena and rebuilds the
    /// watches. Called at level 0, where no stored clause is the reason of an assignment.
    mutating func reduceLearned() {
        precondition(decisionLevel == 0, "learned clauses are reduced at level 0 only")
        let originals = clauses.count - learnedCount
        let candidates = (originals..<clauses.count).filter { clauses[$0].learnedBlocks > 2 }
        let ranked = candidates.sorted {
            (clauses[$0].learnedBlocks, -$0) > (clauses[$1].learnedBlocks, -$1)
        }
        let dropped = Set(ranked.prefix(ranked.count / 2))
        var keptArena: [Int32] = []
        keptArena.reserveCapacity(arena.count)
        var keptClauses: [ClauseHeader] = []
        for (index, header) in clauses.enumerated() where !dropped.contains(index) {
            var moved = header
            moved.start = Int32(keptArena.count)
            keptArena.append(contentsOf: arena[Int(header.start)..<Int(header.start + header.size)])
            keptClauses.append(moved)
        }
        arena = keptArena
        clauses = keptClauses
        learnedCount -= dropped.count
        learnedLimit += learnedLimit / 10
        for index in watches.indices { watches[index].removeAll(keepingCapacity: true) }
        for (index, header) in clauses.enumerated() {
            let first = arena[Int(header.start)], second = arena[Int(header.start) + 1]
            watches[Int(first)].append(Watch(clause: Int32(index), blocker: second))
            watches[Int(second)].append(Watch(clause: Int32(index), blocker: first))
        }
    }
}
