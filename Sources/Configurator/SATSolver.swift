/// A small CDCL SAT solver with incremental solving under assumptions.
///
/// Two-watched-literal unit propagation, first-UIP clause learning with
/// non-chronological backjumping, VSIDS-like variable activity with phase saving, and
/// geometric restarts. Learned clauses follow from the original clauses alone, so they are
/// kept between calls to `solve(assuming:)`; assumptions are taken as the first decisions.
///
/// ```swift
/// var solver = SATSolver(variableCount: 2, clauses: [[1, 2], [-1]])
/// solver.solve(assuming: [])    // .satisfiable(model: [false, false, true])
/// solver.solve(assuming: [-2])  // .unsatisfiable
/// ```
///
/// Literals are DIMACS style: `v` or `-v` with `v` in `1...variableCount`; passing any
/// other literal is a programming error and traps.
public struct SATSolver: Sendable {
    /// The number of variables, numbered `1...variableCount`.
    public let variableCount: Int

    // Internal literal encoding: variable v true = 2v, false = 2v + 1.
    private var clauses: [[Int]] = []
    /// `watches[l]`: the clauses with `l` among their first two literals, visited when `l` becomes false.
    private var watches: [[Int]]
    /// Per variable: 0 unassigned, 1 true, -1 false.
    private var assignment: [Int8]
    private var level: [Int]
    private var reason: [Int]
    private var trail: [Int] = []
    private var trailLimits: [Int] = []
    private var queueHead = 0
    private var activity: [Double]
    private var activityIncrement = 1.0
    private var savedPhase: [Bool]
    private var seen: [Bool]
    /// False once the clauses alone are found unsatisfiable.
    private var consistent = true

    /// Makes a solver for `clauses` over variables `1...variableCount`.
    ///
    /// Duplicate literals are merged and tautological clauses dropped; an empty clause makes
    /// every `solve` answer `.unsatisfiable`.
    public init(variableCount: Int, clauses: [[Int32]]) {
        precondition(variableCount >= 0, "variableCount must not be negative")
        self.variableCount = variableCount
        let literalSlots = 2 * variableCount + 2
        watches = Array(repeating: [], count: literalSlots)
        assignment = Array(repeating: 0, count: variableCount + 1)
        level = Array(repeating: 0, count: variableCount + 1)
        reason = Array(repeating: -1, count: variableCount + 1)
        activity = Array(repeating: 0, count: variableCount + 1)
        savedPhase = Array(repeating: false, count: variableCount + 1)
        seen = Array(repeating: false, count: variableCount + 1)

        var units: [Int] = []
        for clause in clauses {
            let literals = Array(Set(clause.map(internalLiteral))).sorted()
            if literals.isEmpty { consistent = false; continue }
            if zip(literals, literals.dropFirst()).contains(where: { $0 == $1 ^ 1 }) { continue }
            if literals.count == 1 { units.append(literals[0]); continue }
            addClause(literals)
        }
        for unit in units {
            switch value(unit) {
            case 1: continue
            case -1: consistent = false
            default: enqueue(unit, reason: -1)
            }
        }
        if consistent && propagate() != nil { consistent = false }
    }

    /// Solves the clauses with every literal of `assumptions` taken as true.
    ///
    /// - Returns: a model satisfying the clauses and the assumptions, or `.unsatisfiable`.
    public mutating func solve(assuming assumptions: [Int32]) -> SATResult {
        guard consistent else { return .unsatisfiable }
        let assumed = assumptions.map(internalLiteral)
        cancel(until: 0)
        var conflictsSinceRestart = 0
        var restartLimit = 100
        while true {
            if let conflict = propagate() {
                if trailLimits.isEmpty {
                    consistent = false
                    return .unsatisfiable
                }
                conflictsSinceRestart += 1
                learn(from: conflict)
                activityIncrement /= 0.95
                continue
            }
            if conflictsSinceRestart >= restartLimit {
                conflictsSinceRestart = 0
                restartLimit += restartLimit / 2
                cancel(until: 0)
                continue
            }
            var next = -1
            while trailLimits.count < assumed.count {
                let literal = assumed[trailLimits.count]
                let current = value(literal)
                if current == 1 {
                    trailLimits.append(trail.count)
                } else if current == -1 {
                    cancel(until: 0)
                    return .unsatisfiable
                } else {
                    next = literal
                    break
                }
            }
            if next < 0 {
                next = pickBranchLiteral()
                if next < 0 {
                    var model = Array(repeating: false, count: variableCount + 1)
                    for variable in stride(from: 1, through: variableCount, by: 1) {
                        model[variable] = assignment[variable] == 1
                    }
                    cancel(until: 0)
                    return .satisfiable(model: model)
                }
            }
            trailLimits.append(trail.count)
            enqueue(next, reason: -1)
        }
    }

    /// Makes the next decisions on `variable` try `value` first (a hint; it never changes
    /// an answer, only which model is found).
    public mutating func preferPhase(of variable: Int, _ value: Bool) {
        precondition(variable >= 1 && variable <= variableCount, "variable \(variable) is outside 1...\(variableCount)")
        savedPhase[variable] = value
    }

    // MARK: - Internals

    private func internalLiteral(_ literal: Int32) -> Int {
        let variable = Int(literal.magnitude)
        precondition(literal != 0 && variable <= variableCount,
                     "literal \(literal) is outside 1...\(variableCount)")
        return 2 * variable + (literal < 0 ? 1 : 0)
    }

    /// 1 true, -1 false, 0 unassigned.
    @inline(__always)
    private func value(_ literal: Int) -> Int8 {
        let assigned = assignment[literal >> 1]
        return literal & 1 == 0 ? assigned : -assigned
    }

    private mutating func addClause(_ literals: [Int]) {
        let index = clauses.count
        clauses.append(literals)
        watches[literals[0]].append(index)
        watches[literals[1]].append(index)
    }

    private mutating func enqueue(_ literal: Int, reason clause: Int) {
        let variable = literal >> 1
        assignment[variable] = literal & 1 == 0 ? 1 : -1
        level[variable] = trailLimits.count
        reason[variable] = clause
        trail.append(literal)
    }

    private mutating func cancel(until target: Int) {
        guard trailLimits.count > target else { return }
        let keep = trailLimits[target]
        for literal in trail[keep...] {
            let variable = literal >> 1
            savedPhase[variable] = literal & 1 == 0
            assignment[variable] = 0
            reason[variable] = -1
        }
        trail.removeSubrange(keep...)
        trailLimits.removeSubrange(target...)
        queueHead = min(queueHead, trail.count)
    }

    /// Propagates the queued assignments; returns a conflicting clause, if any.
    private mutating func propagate() -> Int? {
        while queueHead < trail.count {
            let falseLiteral = trail[queueHead] ^ 1
            queueHead += 1
            var watching = watches[falseLiteral]
            watches[falseLiteral] = []
            var kept = 0
            var index = 0
            var conflict: Int?
            while index < watching.count {
                let clause = watching[index]
                index += 1
                if clauses[clause][0] == falseLiteral { clauses[clause].swapAt(0, 1) }
                let first = clauses[clause][0]
                if value(first) == 1 {
                    watching[kept] = clause
                    kept += 1
                    continue
                }
                var moved = false
                let count = clauses[clause].count
                var k = 2
                while k < count {
                    let candidate = clauses[clause][k]
                    if value(candidate) != -1 {
                        clauses[clause].swapAt(1, k)
                        watches[candidate].append(clause)
                        moved = true
                        break
                    }
                    k += 1
                }
                if moved { continue }
                watching[kept] = clause
                kept += 1
                if value(first) == -1 {
                    conflict = clause
                    while index < watching.count {
                        watching[kept] = watching[index]
                        kept += 1
                        index += 1
                    }
                } else {
                    enqueue(first, reason: clause)
                }
            }
            watching.removeSubrange(kept...)
            watches[falseLiteral] = watching
            if let conflict {
                queueHead = trail.count
                return conflict
            }
        }
        return nil
    }

    private mutating func bump(_ variable: Int) {
        activity[variable] += activityIncrement
        if activity[variable] > 1e100 {
            for v in activity.indices { activity[v] *= 1e-100 }
            activityIncrement *= 1e-100
        }
    }

    /// First-UIP analysis of `conflict`, backjump, and assertion of the learned clause.
    private mutating func learn(from conflict: Int) {
        let currentLevel = trailLimits.count
        var learned = [0]
        var pending = 0
        var literal = -1
        var clause = conflict
        var trailIndex = trail.count - 1
        repeat {
            let literals = clauses[clause]
            for q in literals[(literal < 0 ? 0 : 1)...] {
                let variable = q >> 1
                if !seen[variable] && level[variable] > 0 {
                    seen[variable] = true
                    bump(variable)
                    if level[variable] >= currentLevel { pending += 1 } else { learned.append(q) }
                }
            }
            while !seen[trail[trailIndex] >> 1] { trailIndex -= 1 }
            literal = trail[trailIndex]
            trailIndex -= 1
            clause = reason[literal >> 1]
            seen[literal >> 1] = false
            pending -= 1
        } while pending > 0
        learned[0] = literal ^ 1
        for q in learned.dropFirst() { seen[q >> 1] = false }

        var backjumpLevel = 0
        if learned.count > 1 {
            var best = 1
            for i in 2..<learned.count where level[learned[i] >> 1] > level[learned[best] >> 1] { best = i }
            learned.swapAt(1, best)
            backjumpLevel = level[learned[1] >> 1]
        }
        cancel(until: backjumpLevel)
        if learned.count == 1 {
            enqueue(learned[0], reason: -1)
        } else {
            addClause(learned)
            enqueue(learned[0], reason: clauses.count - 1)
        }
    }

    /// The unassigned variable of highest activity in its saved phase, or -1 when all are assigned.
    private func pickBranchLiteral() -> Int {
        var best = -1
        var bestActivity = -1.0
        var variable = 1
        while variable <= variableCount {
            if assignment[variable] == 0 && activity[variable] > bestActivity {
                best = variable
                bestActivity = activity[variable]
            }
            variable += 1
        }
        if best < 0 { return -1 }
        return 2 * best + (savedPhase[best] ? 0 : 1)
    }
}
