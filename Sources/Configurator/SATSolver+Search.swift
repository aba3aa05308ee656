/// The CDCL loop: decide, propagate, learn, restart.
extension SATSolver {
    /// The current decision level.
    var decisionLevel: Int { trailLimits.count }

    /// Searches for a model extending the assumptions (internal codes `codes`, as `passed`
    /// by the caller), from the levels of `assumed` still on the trail (a prefix of
    /// `codes`). On returning, the assumptions that held stay assigned for the next call.
    mutating func search(assumptions codes: [Int], passed: [Int32]) -> SATResult {
        var conflictBudget = Self.luby(restarts) * 64
        while true {
            if let conflict = propagate() {
                if decisionLevel == 0 {
                    rootConflict = conflictProofs(conflict)
                    lastFailure = ([], rootConflict ?? [])
                    return .unsatisfiable
                }
                conflictBudget -= 1
                learn(from: conflict)
                heap.decay(by: 0.95)
                continue
            }
            if conflictBudget <= 0 {
                restarts += 1
                conflictBudget = Self.luby(restarts) * 64
                cancel(until: 0)
                if learnedCount > learnedLimit { reduceLearned() }
                continue
            }
            var next = -1
            while decisionLevel < codes.count {
                let literal = codes[decisionLevel]
                let current = values[literal]
                if current == 1 {
                    trailLimits.append(trail.count)
                } else if current == -1 {
                    untracedFailure = (literal, passed)
                    assumed = Array(codes[..<decisionLevel])
                    return .unsatisfiable
                } else {
                    next = literal
                    break
                }
            }
            while next < 0 && preferredHead < preferred.count {
                let literal = preferred[preferredHead]
                preferredHead += 1
                if values[literal] == 0 { next = literal }
            }
            if next < 0 {
                next = pickBranchLiteral()
                if next < 0 {
                    var model = Array(repeating: false, count: variableCount + 1)
                    for variable in stride(from: 1, through: variableCount, by: 1) {
                        model[variable] = values[2 * variable] == 1
                    }
                    cancel(until: codes.count)
                    assumed = codes
                    return .satisfiable(model: model)
                }
            }
            trailLimits.append(trail.count)
            assign(next, reason: -1)
        }
    }

    /// Makes `literal` true at the current level, implied by clause `clause` (-1: decided).
    /// At level 0 an implied literal gets a proof record from its clause.
    @inline(__always)
    mutating func assign(_ literal: Int, reason clause: Int) {
        let variable = literal >> 1
        values[literal] = 1
        values[literal ^ 1] = -1
        level[variable] = Int32(trailLimits.count)
        trail.append(Int32(literal))
        if trailLimits.isEmpty {
            reason[variable] = -1
            if clause >= 0 { rootProof[variable] = rootRecord(of: clause) }
        } else {
            reason[variable] = Int32(clause)
        }
    }

    /// The proof record of a literal implied at level 0 by `clause`: the clause and the
    /// root facts that falsify its other literals.
    private mutating func rootRecord(of clause: Int) -> Int32 {
        let header = clauses[clause]
        proof.append(header.proof)
        for index in Int(header.start) + 1..<Int(header.start + header.size) {
            proof.append(rootProof[Int(arena[index]) >> 1])
        }
        return proof.close()
    }

    /// Undoes every assignment above decision level `target`, saving their phases.
    mutating func cancel(until target: Int) {
        if assumed.count > target { assumed.removeSubrange(target...) }
        guard trailLimits.count > target else { return }
        let keep = trailLimits[target]
        for index in stride(from: trail.count - 1, through: keep, by: -1) {
            let literal = Int(trail[index])
            let variable = literal >> 1
            savedPhase[variable] = literal & 1 == 0
            values[literal] = 0
            values[literal ^ 1] = 0
            reason[variable] = -1
            heap.insert(variable)
        }
        trail.removeSubrange(keep...)
        trailLimits.removeSubrange(target...)
        queueHead = trail.count
        preferredHead = 0
    }

    /// Appends a clause of two literals or more to the arena and watches its first two.
    mutating func store(_ literals: [Int], proof id: Int32, learnedBlocks: Int32) {
        let index = Int32(clauses.count)
        clauses.append(ClauseHeader(start: Int32(arena.count), size: Int32(literals.count),
                                    proof: id, learnedBlocks: learnedBlocks))
        for literal in literals { arena.append(Int32(literal)) }
        watches[literals[0]].append(Watch(clause: index, blocker: Int32(literals[1])))
        watches[literals[1]].append(Watch(clause: index, blocker: Int32(literals[0])))
        if learnedBlocks > 0 { learnedCount += 1 }
    }

    /// The unassigned variable of highest activity in its saved phase, or -1 when every
    /// variable is assigned.
    private mutating func pickBranchLiteral() -> Int {
        while !heap.isEmpty {
            let variable = heap.removeMax()
            if values[2 * variable] == 0 { return 2 * variable + (savedPhase[variable] ? 0 : 1) }
        }
        return -1
    }

    /// The `index`-th term (from 0) of the Luby sequence 1 1 2 1 1 2 4 1 1 2 ….
    static func luby(_ index: Int) -> Int {
        var size = 1, exponent = 0
        while size < index + 1 {
            exponent += 1
            size = 2 * size + 1
        }
        var rest = index
        while size - 1 != rest {
            size = (size - 1) >> 1
            exponent -= 1
            rest %= size
        }
        return 1 << exponent
    }
}
