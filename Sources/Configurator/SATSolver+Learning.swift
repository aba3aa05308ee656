/// Conflict analysis: the first-UIP clause, its minimisation, its proof record, the backjump.
extension SATSolver {
    /// Learns a clause from `conflict` (found above level 0), backjumps and asserts it.
    mutating func learn(from conflict: Int) {
        let currentLevel = Int32(decisionLevel)
        var learned = [0]
        var pending = 0
        var literal = -1
        var clause = conflict
        var trailIndex = trail.count - 1
        repeat {
            let header = clauses[clause]
            proof.append(header.proof)
            for index in Int(header.start) + (literal < 0 ? 0 : 1)..<Int(header.start + header.size) {
                let other = Int(arena[index])
                let variable = other >> 1
                guard !seen[variable] else { continue }
                if level[variable] == 0 {
                    proof.append(rootProof[variable])
                    continue
                }
                seen[variable] = true
                heap.bump(variable)
                if level[variable] >= currentLevel { pending += 1 } else { learned.append(other) }
            }
            while !seen[Int(trail[trailIndex]) >> 1] { trailIndex -= 1 }
            literal = Int(trail[trailIndex])
            trailIndex -= 1
            clause = Int(reason[literal >> 1])
            seen[literal >> 1] = false
            pending -= 1
        } while pending > 0
        learned[0] = literal ^ 1

        let kept = minimize(learned)
        for other in learned.dropFirst() { seen[other >> 1] = false }
        let id = proof.close()

        var backjumpLevel = 0
        var clauseLiterals = kept
        if kept.count > 1 {
            var best = 1
            for index in 2..<kept.count where level[kept[index] >> 1] > level[kept[best] >> 1] { best = index }
            clauseLiterals.swapAt(1, best)
            backjumpLevel = Int(level[clauseLiterals[1] >> 1])
        }
        let blocks = distinctLevels(of: clauseLiterals)
        cancel(until: backjumpLevel)
        if clauseLiterals.count == 1 {
            assign(clauseLiterals[0], reason: -1)
            rootProof[clauseLiterals[0] >> 1] = id
        } else {
            store(clauseLiterals, proof: id, learnedBlocks: blocks)
            assign(clauseLiterals[0], reason: clauses.count - 1)
        }
    }

    /// `learned` without the literals implied by the others: a literal goes when every other
    /// literal of its reason is in the clause or fixed at level 0. The reasons used join the
    /// proof record being written.
    private mutating func minimize(_ learned: [Int]) -> [Int] {
        var kept = [learned[0]]
        for other in learned.dropFirst() {
            let implying = Int(reason[other >> 1])
            guard implying >= 0 else {
                kept.append(other)
                continue
            }
            let header = clauses[implying]
            let range = Int(header.start) + 1..<Int(header.start + header.size)
            let redundant = range.allSatisfy { index in
                let variable = Int(arena[index]) >> 1
                return seen[variable] || level[variable] == 0
            }
            guard redundant else {
                kept.append(other)
                continue
            }
            proof.append(header.proof)
            for index in range where level[Int(arena[index]) >> 1] == 0 {
                proof.append(rootProof[Int(arena[index]) >> 1])
            }
        }
        return kept
    }

    /// The number of distinct decision levels among `literals` (at least 1).
    private mutating func distinctLevels(of literals: [Int]) -> Int32 {
        levelMark &+= 1
        if levelMark == 0 {
            for index in levelMarks.indices { levelMarks[index] = 0 }
            levelMark = 1
        }
        var count: Int32 = 0
        for literal in literals {
            let assigned = Int(level[literal >> 1])
            if assigned >= levelMarks.count { levelMarks.append(contentsOf: repeatElement(0, count: assigned + 1 - levelMarks.count)) }
            if levelMarks[assigned] != levelMark {
                levelMarks[assigned] = levelMark
                count += 1
            }
        }
        return max(count, 1)
    }
}
