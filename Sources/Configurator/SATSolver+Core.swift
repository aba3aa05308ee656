/// Cores: which assumptions and clauses an unsatisfiable answer, or an implied literal,
/// rests on.
extension SATSolver {
    /// The failure of assumption `literal` (internal code), found false when it was due:
    /// the assumptions and proof ids that falsified it, plus `literal` itself.
    mutating func failedAssumption(_ literal: Int, among passed: [Int32]) -> (assumptions: [Int32], proofs: [Int32]) {
        var proofs: [Int32] = []
        var decisions = trace(from: [literal >> 1], into: &proofs)
        decisions.insert(Literal.decode(literal))
        return (Self.ordered(decisions, as: passed), proofs)
    }

    /// The proof ids of a conflict at level 0: the clause and the root facts falsifying it.
    func conflictProofs(_ clause: Int) -> [Int32] {
        let header = clauses[clause]
        var proofs = [header.proof]
        for index in Int(header.start)..<Int(header.start + header.size) {
            proofs.append(rootProof[Int(arena[index]) >> 1])
        }
        return proofs
    }

    /// Assigns `assumptions` as decisions and propagates them without searching.
    ///
    /// - Returns: `nil` when unit propagation finds no conflict, leaving the implied
    ///   literals on the trail for `implied` and `implicationCore(of:)` until the next call;
    ///   otherwise the core of the conflict, with the solver back at level 0.
    mutating func propagate(assumptions: [Int32]) -> UnsatisfiableCore? {
        untracedFailure = nil
        cancel(until: 0)
        if let rootConflict {
            return UnsatisfiableCore(assumptions: [], clauses: proof.originals(reachableFrom: rootConflict))
        }
        for assumption in assumptions {
            let literal = Literal.encode(assumption)
            switch values[literal] {
            case 1:
                trailLimits.append(trail.count)
            case -1:
                let failure = failedAssumption(literal, among: assumptions)
                cancel(until: 0)
                return UnsatisfiableCore(assumptions: failure.assumptions,
                                         clauses: proof.originals(reachableFrom: failure.proofs))
            default:
                trailLimits.append(trail.count)
                assign(literal, reason: -1)
                if let conflict = propagate() {
                    let header = clauses[conflict]
                    var proofs = [header.proof]
                    let variables = (Int(header.start)..<Int(header.start + header.size)).map { Int(arena[$0]) >> 1 }
                    let decisions = trace(from: variables, into: &proofs)
                    cancel(until: 0)
                    return UnsatisfiableCore(assumptions: Self.ordered(decisions, as: assumptions),
                                             clauses: proof.originals(reachableFrom: proofs))
                }
            }
        }
        return nil
    }

    /// The number of antecedent entries in the proof log, a measure of its memory.
    var proofSize: Int { proof.size }

    /// The literals currently true (after `propagate(assumptions:)`), as DIMACS literals.
    var implied: [Int32] { trail.map { Literal.decode(Int($0)) } }

    /// The assumptions and original clauses that imply `literal` by unit propagation, for a
    /// literal true on the trail left by `propagate(assumptions:)` (given in `assumptions`).
    mutating func implicationCore(of literal: Int32, assumptions: [Int32]) -> UnsatisfiableCore {
        var proofs: [Int32] = []
        let decisions = trace(from: [Int(literal.magnitude)], into: &proofs)
        return UnsatisfiableCore(assumptions: Self.ordered(decisions, as: assumptions),
                                 clauses: proof.originals(reachableFrom: proofs))
    }

    /// Walks the implication graph back from `variables` (assigned): collects the decisions
    /// reached (which are assumptions) and appends the proof ids of the reasons and root
    /// facts used to `proofs`.
    private mutating func trace(from variables: [Int], into proofs: inout [Int32]) -> Set<Int32> {
        var decisions: Set<Int32> = []
        for variable in variables {
            if level[variable] == 0 { proofs.append(rootProof[variable]) } else { seen[variable] = true }
        }
        guard let bottom = trailLimits.first else { return decisions }
        for index in stride(from: trail.count - 1, through: bottom, by: -1) {
            let literal = Int(trail[index])
            let variable = literal >> 1
            guard seen[variable] else { continue }
            seen[variable] = false
            let clause = Int(reason[variable])
            guard clause >= 0 else {
                decisions.insert(Literal.decode(literal))
                continue
            }
            let header = clauses[clause]
            proofs.append(header.proof)
            for position in Int(header.start) + 1..<Int(header.start + header.size) {
                let other = Int(arena[position]) >> 1
                if level[other] == 0 { proofs.append(rootProof[other]) } else { seen[other] = true }
            }
        }
        return decisions
    }

    /// The literals of `subset` in the order of `passed`, each once.
    private static func ordered(_ subset: Set<Int32>, as passed: [Int32]) -> [Int32] {
        var remaining = subset
        return passed.filter { remaining.remove($0) != nil }
    }
}
