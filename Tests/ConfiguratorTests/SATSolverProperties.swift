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

    static func dimacs(_ clauses: [[Int32]]) -> String {
        "p cnf \(variables) \(clauses.count)\n"
            + clauses.map { $0.map(String.init).joined(separator: " ") + " 0\n" }.joined()
    }
}
