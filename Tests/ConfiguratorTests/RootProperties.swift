import Configurator
import PropertyBased
import Testing

/// Propagating from a model's kept root (`Propagator(model:root:)`) against propagating
/// afresh and against brute force, on random small formulas.
@Suite("Propagating from the kept root of a model")
struct RootProperties {
    @Test("From the kept root, every propagation and completion is as without it, and every explanation stays minimal")
    func randomFormulas() async throws {
        let table = ExplanationProperties.table
        await propertyCheck(count: 300, input: Gen.uint64().array(of: 8...30), Gen.uint64(), Gen.uint64()) { seeds, firstSeed, secondSeed in
            let clauses = ExplanationProperties.clauses(seeds)
            let model = try ExplanationProperties.model(clauses)
            let computed = try Propagation(model: model, choices: [])
            guard let consequences = computed.rootConsequences else {
                #expect(ExplanationProperties.clash(clauses, []), "a valid root keeps its consequences")
                return
            }
            let root = try #require(Propagation(model: model, rootConsequences: consequences))
            #expect(root.states == computed.states && root.explanations == computed.explanations)
            var fromRoot = Propagator(model: model, root: root)
            // Two propagations in a row, as a rep refines the choices, then a completion.
            let first = ExplanationProperties.choices(firstSeed)
            for choices in [first, first + ExplanationProperties.choices(secondSeed), []] {
                let expected = try Propagation(model: model, choices: choices)
                let result = try fromRoot.propagate(choices: choices)
                #expect(result.valid == expected.valid && result.states == expected.states, "choices \(choices)")
                if let conflict = result.conflict {
                    ExplanationProperties.expectSmallestUndo(conflict.undo, choices: choices, clauses: clauses)
                }
                ExplanationProperties.expectMinimalExplanations(result, clauses: clauses, choices: choices)
            }
            var afresh = Propagator(model: model)
            let order = Array((1...table.variableCount).reversed())
            #expect(fromRoot.ruleOut(order, after: first) == afresh.ruleOut(order, after: first))
        }
    }

    @Test("Kept consequences that do not fit the model are refused")
    func misfitsAreRefused() throws {
        let model = try DIMACSModel(parsing: "p cnf 3 2\n1 0\n-1 2 0\n")
        let kept = try #require(try Propagation(model: model, choices: []).rootConsequences)
        #expect(kept.map(\.effect) == [1, 2])
        #expect(Propagation(model: model, rootConsequences: kept) != nil)
        let misfits: [(String, [Explanation])] = [
            ("an effect beyond the model", [Explanation(effect: 4, choices: [], clauses: [0])]),
            ("the effect 0", [Explanation(effect: 0, choices: [], clauses: [0])]),
            ("a variable twice", kept + [Explanation(effect: -1, choices: [], clauses: [0])]),
            ("a choice cited", [Explanation(effect: 2, choices: [1], clauses: [1])]),
            ("a clause the model lacks", [Explanation(effect: 1, choices: [], clauses: [2])]),
        ]
        for (what, consequences) in misfits {
            #expect(Propagation(model: model, rootConsequences: consequences) == nil, "\(what)")
        }
        let afterChoice = try Propagation(model: model, choices: [-2])
        #expect(afterChoice.rootConsequences == nil, "an invalid propagation has no root")
        #expect(try Propagation(model: model, choices: [3]).rootConsequences == nil, "a propagation that cites a choice is no root")
    }
}
