/// A CDCL SAT solver with incremental solving under assumptions and clause cores.
///
/// Two-watched-literal unit propagation with blocking literals, first-UIP clause learning
/// with clause minimisation and non-chronological backjumping, VSIDS decisions from an
/// activity heap, phase saving, Luby restarts and deletion of learned clauses by their
/// literal-block distance. Learned clauses follow from the original clauses alone, so they
/// are kept between calls to `solve(assuming:)`; assumptions are taken as the first
/// decisions. Every learned clause records the clauses it was resolved from, so an
/// unsatisfiable answer comes with a core (`unsatisfiableCore()`) naming the assumptions
/// and original clauses it rests on.
///
/// ```swift
/// var solver = SATSolver(variableCount: 2, clauses: [[1, 2], [-1]])
/// solver.solve(assuming: [])    // .satisfiable(model: [false, false, true])
/// solver.solve(assuming: [-2])  // .unsatisfiable
/// solver.unsatisfiableCore()    // assumptions [-2], clauses [0, 1]
/// ```
///
/// Literals are DIMACS style: `v` or `-v` with `v` in `1...variableCount`; passing any
/// other literal is a programming error and traps.
public struct SATSolver: Sendable {
    /// The number of variables, numbered `1...variableCount`.
    public let variableCount: Int

    /// The literals of every stored clause (internal codes, see `Literal`), back to back.
    var arena: [Int32] = []
    /// The stored clauses (two literals or more): originals first, then learned ones.
    var clauses: [ClauseHeader] = []
    /// How many of `clauses` are learned.
    var learnedCount = 0
    /// The learned-clause count that triggers a reduction at the next restart.
    var learnedLimit: Int
    /// `watches[l]`: the clauses watching literal `l`, visited when `l` becomes false.
    var watches: [[Watch]]
    /// Per literal code: 1 true, -1 false, 0 unassigned.
    var values: [Int8]
    /// Per variable: the decision level it was assigned at.
    var level: [Int32]
    /// Per variable: the clause that implied it above level 0, or -1 for a decision.
    var reason: [Int32]
    /// Per variable assigned at level 0: the proof id of that fact.
    var rootProof: [Int32]
    var trail: [Int32] = []
    /// `trailLimits[d]`: where decision level `d + 1` starts on the trail.
    var trailLimits: [Int] = []
    var queueHead = 0
    var heap: VariableHeap
    var savedPhase: [Bool]
    /// Scratch marks of conflict analysis, all false between analyses.
    var seen: [Bool]
    /// Scratch marks per decision level, for counting a clause's distinct levels.
    var levelMarks: [UInt32]
    var levelMark: UInt32 = 0
    var proof: ProofLog
    /// Proof ids of a conflict at level 0, once the clauses alone are unsatisfiable.
    var rootConflict: [Int32]?
    /// What the last unsatisfiable answer rests on: assumptions and proof ids.
    var lastFailure: (assumptions: [Int32], proofs: [Int32])?
    /// An assumption (internal code) the last call found false, among the assumptions
    /// passed, whose core is traced only when asked for (`unsatisfiableCore()`): the
    /// trail still holds the failure until the next call.
    var untracedFailure: (literal: Int, passed: [Int32])?
    /// Literals to decide, in order, right after the assumptions (skipping assigned ones).
    var preferred: [Int] = []
    /// Where the scan of `preferred` resumes; reset by every backjump.
    var preferredHead = 0
    /// Position in the Luby restart sequence.
    var restarts = 0
    /// The assumptions (internal codes) of the last call still on the trail, one per
    /// decision level from 1: a call whose assumptions start with them keeps their
    /// propagation instead of redoing it from level 0.
    var assumed: [Int] = []

    /// Makes a solver for `clauses` over variables `1...variableCount`.
    ///
    /// Duplicate literals are merged and tautological clauses dropped; an empty clause makes
    /// every `solve` answer `.unsatisfiable`. Cores name clauses by their index in `clauses`.
    public init(variableCount: Int, clauses input: [[Int32]]) {
        precondition(variableCount >= 0, "variableCount must not be negative")
        self.variableCount = variableCount
        watches = Array(repeating: [], count: 2 * variableCount + 2)
        values = Array(repeating: 0, count: 2 * variableCount + 2)
        level = Array(repeating: 0, count: variableCount + 1)
        reason = Array(repeating: -1, count: variableCount + 1)
        rootProof = Array(repeating: -1, count: variableCount + 1)
        heap = VariableHeap(variableCount: variableCount)
        savedPhase = Array(repeating: false, count: variableCount + 1)
        seen = Array(repeating: false, count: variableCount + 1)
        levelMarks = Array(repeating: 0, count: variableCount + 1)
        proof = ProofLog(originalCount: input.count)
        learnedLimit = max(2_000, input.count / 2)

        var units: [(literal: Int, proof: Int32)] = []
        for (index, clause) in input.enumerated() {
            // Sorted, then each literal once (cheaper than a set per clause on big models).
            var literals = Self.codes(of: clause, variableCount).sorted()
            var kept = 0
            for literal in literals where kept == 0 || literals[kept - 1] != literal {
                literals[kept] = literal
                kept += 1
            }
            literals.removeLast(literals.count - kept)
            if literals.isEmpty {
                if rootConflict == nil { rootConflict = [Int32(index)] }
                continue
            }
            if zip(literals, literals.dropFirst()).contains(where: { $0 == $1 ^ 1 }) { continue }
            if literals.count == 1 {
                units.append((literals[0], Int32(index)))
            } else {
                store(literals, proof: Int32(index), learnedBlocks: 0)
            }
        }
        for unit in units where rootConflict == nil {
            switch values[unit.literal] {
            case 1: continue
            case -1: rootConflict = [unit.proof, rootProof[unit.literal >> 1]]
            default:
                assign(unit.literal, reason: -1)
                rootProof[unit.literal >> 1] = unit.proof
            }
        }
        if rootConflict == nil, let conflict = propagate() { rootConflict = conflictProofs(conflict) }
    }

    /// Solves the clauses with every literal of `assumptions` taken as true.
    ///
    /// - Returns: a model satisfying the clauses and the assumptions, or `.unsatisfiable`
    ///   (then `unsatisfiableCore()` says why).
    public mutating func solve(assuming assumptions: [Int32]) -> SATResult {
        let codes = Self.codes(of: assumptions, variableCount)
        lastFailure = nil
        untracedFailure = nil
        // The assumptions still held: completing a configuration passes thousands, each
        // call one more than the last, so this is a plain loop.
        let limit = min(assumed.count, codes.count)
        var held = 0
        while held < limit && assumed[held] == codes[held] { held += 1 }
        cancel(until: held)
        if rootConflict != nil {
            lastFailure = ([], rootConflict ?? [])
            return .unsatisfiable
        }
        return search(assumptions: codes, passed: assumptions)
    }

    /// Like `solve(assuming:)`, but after the assumptions decides the literals of
    /// `preferences` in order, each one still unassigned: a model that makes as many of
    /// them true as this greedy order allows, without ever failing because of them.
    public mutating func solve(assuming assumptions: [Int32], preferring preferences: [Int32]) -> SATResult {
        preferred = Self.codes(of: preferences, variableCount)
        defer { preferred = [] }
        return solve(assuming: assumptions)
    }

    /// Whether the last call's assumptions, still held, are exactly `assumptions` and make
    /// `literal` false by unit propagation: then `solve(assuming: assumptions + [literal])`
    /// is unsatisfiable, known without a search (nor a core).
    public func falsifies(_ assumptions: [Int32], _ literal: Int32) -> Bool {
        assumed.count == assumptions.count && values[Literal.encode(literal)] == -1
            && zip(assumed, assumptions).allSatisfy { $0 == Literal.encode($1) }
    }

    /// The assumptions and original clauses behind the last `.unsatisfiable` answer of
    /// `solve(assuming:)`, or `nil` when the last answer was `.satisfiable`.
    public mutating func unsatisfiableCore() -> UnsatisfiableCore? {
        if let failed = untracedFailure {
            lastFailure = failedAssumption(failed.literal, among: failed.passed)
            untracedFailure = nil
        }
        guard let failure = lastFailure else { return nil }
        return UnsatisfiableCore(assumptions: failure.assumptions,
                                 clauses: proof.originals(reachableFrom: failure.proofs))
    }

    /// The internal codes of `literals`, trapping on a literal outside the variables.
    static func codes(of literals: [Int32], _ variableCount: Int) -> [Int] {
        var codes: [Int] = []
        codes.reserveCapacity(literals.count)
        for literal in literals {
            precondition(literal != 0 && Int(literal.magnitude) <= variableCount, "literal \(literal) is outside 1...\(variableCount)")
            codes.append(Literal.encode(literal))
        }
        return codes
    }

}

/// Where a stored clause's literals are in the arena, and what it rests on.
struct ClauseHeader {
    var start: Int32
    var size: Int32
    /// The clause's proof id: its input index, or the derived id of a learned clause.
    var proof: Int32
    /// For a learned clause, its literal-block distance (distinct decision levels when
    /// learned, at least 1); 0 for an original clause.
    var learnedBlocks: Int32
}

/// A clause watching a literal, with a literal of the clause whose truth spares a visit.
struct Watch {
    var clause: Int32
    var blocker: Int32
}
