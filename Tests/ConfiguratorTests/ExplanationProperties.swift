import Configurator
import PropertyBased
import Testing

/// Explanations, clashes and undo sets on random small formulas, checked by brute force.
@Suite("Explanations and conflicts against brute force")
struct ExplanationProperties {
    static let table = TruthTable(variableCount: 10)

    /// Clauses of two or three literals (now and then one) over the table's variables,
    /// from the bits of `seeds`.
    static func clauses(_ seeds: [UInt64]) -> [[Int32]] {
        seeds.map { seed in
            (0..<(seed % 16 == 0 ? 1 : Int(seed % 2 + 2))).map { k in
                let bits = seed >> (UInt64(k) * 8 + 2)
                let variable = Int32(bits % UInt64(table.variableCount)) + 1
                return (bits >> 7) & 1 == 0 ? variable : -variable
            }
        }
    }

    /// The rule model of `clauses` over the table's variables, parsed from DIMACS text as
    /// an imported model is.
    static func model(_ clauses: [[Int32]]) throws -> DIMACSModel {
        try DIMACSModel(parsing: "p cnf \(table.variableCount) \(clauses.count)\n"
            + clauses.map { $0.map(String.init).joined(separator: " ") + " 0\n" }.joined())
    }

    /// Up to four choice literals from the bits of `seed`.
    static func choices(_ seed: UInt64) -> [Int32] {
        (0..<Int(seed % 5)).map { k in
            let bits = seed >> (UInt64(k) * 8 + 3)
            let variable = Int32(bits % UInt64(table.variableCount)) + 1
            return (bits >> 6) & 1 == 0 ? variable : -variable
        }
    }

    /// Whether `clauses` and `units` are unsatisfiable together.
    static func clash(_ clauses: [[Int32]], _ units: [Int32]) -> Bool {
        !table.isSatisfiable(clauses + units.map { [$0] })
    }

    @Test("Explanations imply their effect and need every part; clashes are minimal; undo sets are smallest")
    func randomFormulas() async throws {
        await propertyCheck(count: 200, input: Gen.uint64().array(of: 8...30), Gen.uint64()) { seeds, choiceSeed in
            let clauses = Self.clauses(seeds)
            let choices = Self.choices(choiceSeed)
            let model = try Self.model(clauses)
            let result = try Propagation(model: model, choices: choices)
            #expect(result.valid == !Self.clash(clauses, choices))
            Self.expectMinimalExplanations(result, clauses: clauses, choices: choices)
            guard let conflict = result.conflict else { return }
            let cited = conflict.clauses.map { clauses[$0] }
            #expect(Self.clash(cited, conflict.choices))
            for index in cited.indices {
                var fewer = cited
                fewer.remove(at: index)
                #expect(!Self.clash(fewer, conflict.choices), "the clash needs no clause \(conflict.clauses[index])")
            }
            for index in conflict.choices.indices {
                var fewer = conflict.choices
                fewer.remove(at: index)
                #expect(!Self.clash(clauses, fewer), "the clash needs no \(conflict.choices[index])")
            }
            Self.expectSmallestUndo(conflict.undo, choices: choices, clauses: clauses)
        }
    }

    /// Each explanation of `result` (a propagation of `choices` through `clauses`) cites
    /// only those choices, implies its effect and needs every choice and clause it cites.
    static func expectMinimalExplanations(_ result: Propagation, clauses: [[Int32]], choices: [Int32]) {
        for (variable, explanation) in result.explanations {
            let cited = explanation.clauses.map { clauses[$0] }
            let effect = explanation.effect
            #expect(Int(effect.magnitude) == variable && explanation.choices.allSatisfy(choices.contains))
            #expect(Self.clash(cited, explanation.choices + [-effect]), "\(explanation) is not sufficient")
            for index in cited.indices {
                var fewer = cited
                fewer.remove(at: index)
                #expect(!Self.clash(fewer, explanation.choices + [-effect]), "\(explanation) is not minimal")
            }
            for index in explanation.choices.indices {
                var fewer = explanation.choices
                fewer.remove(at: index)
                #expect(!Self.clash(cited, fewer + [-effect]), "\(explanation) is not minimal")
            }
        }
    }

    /// Undoing `undo` leaves satisfiable choices and no smaller set does; empty only when
    /// the clauses alone clash.
    static func expectSmallestUndo(_ undo: [Int32], choices: [Int32], clauses: [[Int32]]) {
        guard !clash(clauses, []) else {
            #expect(undo.isEmpty)
            return
        }
        #expect(!clash(clauses, choices.filter { !undo.contains($0) }), "undoing \(undo) is not enough")
        let distinct = Array(Set(choices))
        for mask in 0..<(1 << distinct.count) where mask.nonzeroBitCount < undo.count {
            let removed = Set(distinct.indices.filter { mask >> $0 & 1 == 1 }.map { distinct[$0] })
            #expect(clash(clauses, choices.filter { !removed.contains($0) }), "undoing \(removed) is enough")
        }
    }
}
