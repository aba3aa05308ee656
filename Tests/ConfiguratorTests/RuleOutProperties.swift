import Configurator
import PropertyBased
import Testing

/// `Propagator.ruleOut`, which completes configurations, against brute force on random
/// small formulas.
@Suite("Ruling options out one at a time against brute force")
struct RuleOutProperties {
    @Test("Each variable is ruled out exactly when the rules, the choices and those ruled out before it allow it false")
    func randomFormulas() async throws {
        let table = ExplanationProperties.table
        await propertyCheck(count: 300, input: Gen.uint64().array(of: 8...30), Gen.uint64(), Gen.uint64()) { seeds, choiceSeed, orderSeed in
            let clauses = ExplanationProperties.clauses(seeds)
            let choices = ExplanationProperties.choices(choiceSeed)
            let model = try ExplanationProperties.model(clauses)
            var order = Array(1...table.variableCount)
            var random = orderSeed
            for index in order.indices.reversed() {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                order.swapAt(index, Int((random >> 33) % UInt64(index + 1)))
            }
            var propagator = Propagator(model: model)
            let result = propagator.ruleOut(order, after: choices)
            guard !ExplanationProperties.clash(clauses, choices) else {
                #expect(result == nil)
                return
            }
            var expected = choices
            for variable in order where !ExplanationProperties.clash(clauses, expected + [-Int32(variable)]) {
                expected.append(-Int32(variable))
            }
            #expect(result == expected, "order \(order)")
        }
    }
}
