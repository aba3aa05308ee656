import Configurator
import PropertyBased
import Testing

@Suite("SAT solver and propagation against brute force")
struct SATSolverProperties {
    static let variables = 12

    /// Three literals over `variables` variables from the bits of `seed`.
    static func clause(_ seed: UInt64) -> [Int32] {
        (0..<3).map { k in
            let bits = seed >> (UInt64(k) * 8)
            let variable = Int32(bits % UInt64(variables)) + 1
            return (bits >> 7) & 1 == 0 ? variable : -variable
        }
    }

    /// Up to two choice literals from the bits of `seed`.
    static func choices(_ seed: UInt64) -> [Int32] {
        (0..<Int(seed % 3)).map { k in
            let bits = seed >> (UInt64(k) * 8 + 2)
            let variable = Int32(bits % UInt64(variables)) + 1
            return (bits >> 6) & 1 == 0 ? variable : -variable
        }
    }

    @Test("Random 3-CNF: satisfiability, models and forced/excluded sets match enumeration")
    func random3CNF() async {
        await propertyCheck(count: 300, input: Gen.uint64().array(of: 30...60), Gen.uint64()) { seeds, choiceSeed in
            let clauses = seeds.map(Self.clause)
            let choices = Self.choices(choiceSeed)
            let all = clauses + choices.map { [$0] }
            // Enumerate every assignment.
            var anyModel = false
            var seenTrue = Array(repeating: false, count: Self.variables + 1)
            var seenFalse = seenTrue
            for bits in 0..<(1 << Self.variables) {
                var model = [false]
                for v in 0..<Self.variables { model.append(bits >> v & 1 == 1) }
                guard SATSolverTests.satisfies(model, all) else { continue }
                anyModel = true
                for v in 1...Self.variables { if model[v] { seenTrue[v] = true } else { seenFalse[v] = true } }
            }
            var solver = SATSolver(variableCount: Self.variables, clauses: clauses)
            let result = solver.solve(assuming: choices)
            #expect(result.isSatisfiable == anyModel)
            if case let .satisfiable(model) = result {
                #expect(SATSolverTests.satisfies(model, all))
            }
            let model = try! DIMACSModel(parsing: Self.dimacs(clauses))
            let propagation = try! Propagation(model: model, choices: choices)
            #expect(propagation.valid == anyModel)
            if anyModel {
                #expect(propagation.forced == (1...Self.variables).filter { !seenFalse[$0] })
                #expect(propagation.excluded == (1...Self.variables).filter { !seenTrue[$0] })
            }
        }
    }

    @Test("One solver through calls whose assumptions keep a prefix of the last call's: answers, cores and shortcuts match enumeration")
    func sharedPrefixes() async {
        await propertyCheck(count: 150, input: Gen.uint64().array(of: 30...60), Gen.uint64().array(of: 1...6)) { seeds, callSeeds in
            let clauses = seeds.map(Self.clause)
            var solver = SATSolver(variableCount: Self.variables, clauses: clauses)
            var assumptions: [Int32] = []
            for seed in callSeeds {
                // The solver still holds the last call's assumptions: a literal it says they falsify must be impossible with them.
                let probe = Self.choices(seed | 1).first ?? 1
                if solver.falsifies(assumptions, probe) {
                    #expect(!Self.satisfiable(clauses + (assumptions + [probe]).map { [$0] }))
                }
                assumptions = Array(assumptions.prefix(Int(seed % UInt64(assumptions.count + 1)))) + Self.choices(seed >> 8)
                let all = clauses + assumptions.map { [$0] }
                switch solver.solve(assuming: assumptions) {
                case let .satisfiable(model):
                    #expect(SATSolverTests.satisfies(model, all))
                case .unsatisfiable:
                    #expect(!Self.satisfiable(all))
                    guard let core = solver.unsatisfiableCore() else {
                        Issue.record("an unsatisfiable answer without a core")
                        continue
                    }
                    #expect(core.assumptions.allSatisfy(assumptions.contains))
                    #expect(!Self.satisfiable(core.clauses.map { clauses[$0] } + core.assumptions.map { [$0] }))
                }
            }
        }
    }

    /// Whether some assignment of the variables satisfies `clauses`.
    static func satisfiable(_ clauses: [[Int32]]) -> Bool {
        (0..<(1 << variables)).contains { bits in
            SATSolverTests.satisfies([false] + (0..<variables).map { bits >> $0 & 1 == 1 }, clauses)
        }
    }

    static func dimacs(_ clauses: [[Int32]]) -> String {
        "p cnf \(variables) \(clauses.count)\n"
            + clauses.map { $0.map(String.init).joined(separator: " ") + " 0\n" }.joined()
    }
}
