import Configurator
import Testing

@Suite("CDCL SAT solver")
struct SATSolverTests {
    /// Whether `model` (indexed by variable) satisfies every clause.
    static func satisfies(_ model: [Bool], _ clauses: [[Int32]]) -> Bool {
        clauses.allSatisfy { clause in clause.contains { model[Int($0.magnitude)] == ($0 > 0) } }
    }

    @Test("A satisfiable formula gets a model that satisfies it and the assumptions")
    func satisfiable() {
        let clauses: [[Int32]] = [[1, 2], [-1, 3], [-2, -3], [2, 3]]
        var solver = SATSolver(variableCount: 3, clauses: clauses)
        guard case let .satisfiable(model) = solver.solve(assuming: []) else {
            Issue.record("expected satisfiable"); return
        }
        #expect(model.count == 4)
        #expect(Self.satisfies(model, clauses))
        guard case let .satisfiable(assumed) = solver.solve(assuming: [1]) else {
            Issue.record("expected satisfiable under 1"); return
        }
        #expect(assumed[1] && assumed[3] && !assumed[2])
        #expect(solver.solve(assuming: [1, 2]) == .unsatisfiable)
        // An unsatisfiable assumption call leaves the solver usable.
        #expect(solver.solve(assuming: [-1]).isSatisfiable)
    }

    @Test("A unit chain propagates; contradicting its end is unsatisfiable")
    func unitChain() {
        let n: Int32 = 50
        var clauses: [[Int32]] = [[1]]
        for v in 1..<n { clauses.append([-v, v + 1]) }
        var solver = SATSolver(variableCount: Int(n), clauses: clauses)
        guard case let .satisfiable(model) = solver.solve(assuming: []) else {
            Issue.record("expected satisfiable"); return
        }
        #expect(model.dropFirst().allSatisfy { $0 })
        #expect(solver.solve(assuming: [-n]) == .unsatisfiable)
        var contradicted = SATSolver(variableCount: Int(n), clauses: clauses + [[-n]])
        #expect(contradicted.solve(assuming: []) == .unsatisfiable)
    }

    @Test("Empty formulas, empty clauses, tautologies and duplicate literals")
    func degenerate() {
        var empty = SATSolver(variableCount: 0, clauses: [])
        #expect(empty.solve(assuming: []) == .satisfiable(model: [false]))
        var emptyClause = SATSolver(variableCount: 1, clauses: [[1], []])
        #expect(emptyClause.solve(assuming: []) == .unsatisfiable)
        var tautology = SATSolver(variableCount: 2, clauses: [[1, -1], [2, 2, 2]])
        #expect(tautology.solve(assuming: [-2]) == .unsatisfiable)
        #expect(tautology.solve(assuming: [-1]) == .satisfiable(model: [false, false, true]))
        var contradictoryUnits = SATSolver(variableCount: 1, clauses: [[1], [-1]])
        #expect(contradictoryUnits.solve(assuming: []) == .unsatisfiable)
    }

    /// Pigeonhole: `pigeons` pigeons into `holes` holes, variable `p * holes + h + 1`.
    static func pigeonhole(pigeons: Int, holes: Int) -> [[Int32]] {
        func v(_ p: Int, _ h: Int) -> Int32 { Int32(p * holes + h + 1) }
        var clauses: [[Int32]] = (0..<pigeons).map { p in (0..<holes).map { v(p, $0) } }
        for h in 0..<holes {
            for p in 0..<pigeons { for q in (p + 1)..<pigeons { clauses.append([-v(p, h), -v(q, h)]) } }
        }
        return clauses
    }

    @Test("Pigeonhole 3-into-2 and 6-into-5 are unsatisfiable, 5-into-5 is satisfiable")
    func pigeonholes() {
        var small = SATSolver(variableCount: 6, clauses: Self.pigeonhole(pigeons: 3, holes: 2))
        #expect(small.solve(assuming: []) == .unsatisfiable)
        var larger = SATSolver(variableCount: 30, clauses: Self.pigeonhole(pigeons: 6, holes: 5))
        #expect(larger.solve(assuming: []) == .unsatisfiable)
        let fitting = Self.pigeonhole(pigeons: 5, holes: 5)
        var fits = SATSolver(variableCount: 25, clauses: fitting)
        guard case let .satisfiable(model) = fits.solve(assuming: []) else {
            Issue.record("expected satisfiable"); return
        }
        #expect(Self.satisfies(model, fitting))
    }

    @Test("An unsatisfiable answer names the assumptions and original clauses it rests on")
    func cores() {
        // 1 → 2 → 3, 4 → ¬3; clause 4 is unrelated.
        let clauses: [[Int32]] = [[-1, 2], [-2, 3], [-4, -3], [5, 6], [-5, 6]]
        var solver = SATSolver(variableCount: 6, clauses: clauses)
        #expect(solver.solve(assuming: [5, 1, 6, 4]) == .unsatisfiable)
        #expect(solver.unsatisfiableCore() == UnsatisfiableCore(assumptions: [1, 4], clauses: [0, 1, 2]))
        #expect(solver.solve(assuming: [1]).isSatisfiable)
        #expect(solver.unsatisfiableCore() == nil)
        #expect(solver.solve(assuming: [3, -3]) == .unsatisfiable)
        #expect(solver.unsatisfiableCore() == UnsatisfiableCore(assumptions: [3, -3], clauses: []))
        var contradictory = SATSolver(variableCount: 2, clauses: [[1, 2], [-1], [-2], [1, -2]])
        #expect(contradictory.solve(assuming: [2]) == .unsatisfiable)
        #expect(contradictory.unsatisfiableCore()?.assumptions == [])
        #expect(contradictory.unsatisfiableCore()?.clauses.isEmpty == false)
    }

    @Test("Cores of learned clauses trace back to the original clauses (pigeonhole)")
    func learnedCores() {
        // 4 pigeons into 3 holes, plus unrelated clauses over extra variables 13 and 14.
        let clauses = Self.pigeonhole(pigeons: 4, holes: 3) + [[13, 14], [-13, 14]]
        var solver = SATSolver(variableCount: 14, clauses: clauses)
        #expect(solver.solve(assuming: [13]) == .unsatisfiable)
        let core = solver.unsatisfiableCore()
        #expect(core?.assumptions == [])
        let cited = core?.clauses.map { clauses[$0] } ?? []
        var fresh = SATSolver(variableCount: 14, clauses: cited)
        #expect(fresh.solve(assuming: []) == .unsatisfiable)
        #expect(!(core?.clauses.contains(where: { $0 >= clauses.count - 2 }) ?? true))
    }

    @Test("Preferred literals are decided first, unless the rules say otherwise")
    func preferences() {
        var solver = SATSolver(variableCount: 4, clauses: [[-1, -2], [3, 4]])
        guard case let .satisfiable(model) = solver.solve(assuming: [], preferring: [1, 2, -3, -4]) else {
            Issue.record("expected satisfiable"); return
        }
        #expect(model[1] && !model[2] && !model[3] && model[4])
    }

    @Test("Propagation on a small model: forced, excluded, open, invalid, bad choice")
    func smallPropagation() throws {
        let model = try DIMACSModel(parsing: "p cnf 4 3\n-1 2 0\n-2 -3 0\n3 4 0\n")
        let result = try Propagation(model: model, choices: [1])
        #expect(result.valid)
        #expect(result.forced == [1, 2, 4])
        #expect(result.excluded == [3])
        #expect(result.state(of: 0) == nil)
        let none = try Propagation(model: model, choices: [])
        #expect(none.forced.isEmpty && none.excluded.isEmpty)
        #expect(none.state(of: 4) == .open)
        let invalid = try Propagation(model: model, choices: [1, 3])
        #expect(!invalid.valid && invalid.states.isEmpty)
        #expect(throws: PropagationError.choiceOutOfRange(literal: 5, variableCount: 4)) {
            try Propagation(model: model, choices: [5])
        }
        #expect(throws: PropagationError.self) { try Propagation(model: model, choices: [0]) }
    }
}
