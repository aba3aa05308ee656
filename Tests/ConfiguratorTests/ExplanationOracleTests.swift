import SeededRandom
import Configurator
import Foundation
import PropertyBased
import Testing

/// Explanations and conflicts on the two shared models, checked with `picosat` on just the
/// choices and rules they cite.
@Suite("Explanations and conflicts on the shared models against picosat")
struct ExplanationOracleTests {
    /// Whether the clauses at `indices` of `model` and the unit literals `units` are
    /// satisfiable together, according to picosat.
    static func satisfiable(_ model: DIMACSModel, clauses indices: [Int], units: [Int32]) throws -> Bool {
        try Picosat.isSatisfiable(variableCount: model.variableCount,
                                  clauses: indices.map { model.clauses[$0] } + units.map { [$0] })
    }

    /// Checks that `explanation`'s choices and clauses imply its effect and that dropping any
    /// one of them no longer does.
    static func expectSufficientAndMinimal(_ explanation: Explanation, choices: [Int32], model: DIMACSModel) throws {
        let effect = explanation.effect
        #expect(explanation.choices.allSatisfy(choices.contains), "\(explanation) cites a choice not made in \(choices)")
        #expect(try !satisfiable(model, clauses: explanation.clauses, units: explanation.choices + [-effect]),
                "\(explanation) does not imply its effect")
        for index in explanation.choices.indices {
            var fewer = explanation.choices
            fewer.remove(at: index)
            #expect(try satisfiable(model, clauses: explanation.clauses, units: fewer + [-effect]),
                    "\(explanation) still holds without choice \(explanation.choices[index])")
        }
        for index in explanation.clauses.indices {
            var fewer = explanation.clauses
            fewer.remove(at: index)
            #expect(try satisfiable(model, clauses: fewer, units: explanation.choices + [-effect]),
                    "\(explanation) still holds without clause \(explanation.clauses[index])")
        }
        #expect(!model.wording(of: explanation).isEmpty)
    }

    @Test("Every forced or excluded option has an explanation; sampled ones are sufficient and minimal",
          arguments: PropagationOracleTests.models)
    func explanations(file: String) async throws {
        try #require(Picosat.isInstalled, Picosat.missing)
        let model = try BenchmarkModels.model(file)
        var propagator = Propagator(model: model)
        await propertyCheck(count: 3, input: Gen.uint64()) { seed in
            var random = SplitMix(seed: seed)
            try PropagationOracleTests.randomWalk(&propagator, steps: 3, random: &random) { choices, result, random in
                let settled = result.forced + result.excluded
                #expect(Set(result.explanations.keys) == Set(settled), "an explanation per forced or excluded option")
                #expect(result.explanations.allSatisfy { variable, explanation in
                    explanation.effect == (result.state(of: variable) == .forced ? Int32(variable) : -Int32(variable))
                })
                // Prefer explanations citing choices (root ones are shared by every state).
                let citing = result.explanations.values.filter { !$0.choices.isEmpty }
                let pool = citing.isEmpty ? Array(result.explanations.values) : citing
                for _ in 0..<2 {
                    guard let explanation = pool.randomElement(using: &random) else { break }
                    try Self.expectSufficientAndMinimal(explanation, choices: choices, model: model)
                }
            }
        }
    }

    @Test("Options forced or excluded by the rules alone are explained by rules only")
    func rootExplanations() throws {
        try #require(Picosat.isInstalled, Picosat.missing)
        let model = try BenchmarkModels.model(BenchmarkModels.automotive)
        var propagator = Propagator(model: model)
        let result = try propagator.propagate(choices: [])
        #expect(result.explanations.count == result.forced.count + result.excluded.count)
        #expect(result.explanations.values.allSatisfy { $0.choices.isEmpty })
        var random = SplitMix(seed: 7)
        for explanation in result.explanations.values.shuffled(using: &random).prefix(3) {
            try Self.expectSufficientAndMinimal(explanation, choices: [], model: model)
        }
    }

    @Test("An impossible request names a minimal clash and the fewest choices to undo",
          arguments: PropagationOracleTests.models)
    func impossibleRequests(file: String) async throws {
        let (model, oracle) = try Picosat.over(file)
        var propagator = Propagator(model: model)
        await propertyCheck(count: 3, input: Gen.uint64()) { seed in
            var random = SplitMix(seed: seed)
            let (choices, result) = try PropagationOracleTests.randomWalk(&propagator, steps: 2, random: &random)
            // Ask for the opposite of an option the choices settled (preferably not the rules alone).
            let settled = result.explanations.values.filter { !$0.choices.isEmpty }
            guard let target = (settled.isEmpty ? Array(result.explanations.values) : settled).randomElement(using: &random) else { return }
            let request = choices + [-target.effect]
            let impossible = try propagator.propagate(choices: request)
            #expect(try oracle.solve(assuming: request) == nil)
            #expect(!impossible.valid && impossible.states.isEmpty)
            let conflict = try #require(impossible.conflict)
            try Self.expectMinimalClash(conflict, request: request, model: model)
            try Self.expectFewestToUndo(conflict.undo, request: request, oracle: oracle)
            #expect(model.wording(of: conflict).contains("undo"))
        }
    }

    /// The clash's choices and clauses are unsatisfiable together and satisfiable without any one.
    static func expectMinimalClash(_ conflict: Conflict, request: [Int32], model: DIMACSModel) throws {
        #expect(!conflict.choices.isEmpty && conflict.choices.allSatisfy(request.contains))
        #expect(try !satisfiable(model, clauses: conflict.clauses, units: conflict.choices), "the clash is possible")
        for index in conflict.choices.indices {
            var fewer = conflict.choices
            fewer.remove(at: index)
            #expect(try satisfiable(model, clauses: conflict.clauses, units: fewer), "the clash needs no \(conflict.choices[index])")
        }
        for index in conflict.clauses.indices {
            var fewer = conflict.clauses
            fewer.remove(at: index)
            #expect(try satisfiable(model, clauses: fewer, units: conflict.choices), "the clash needs no clause \(conflict.clauses[index])")
        }
    }

    /// Undoing `undo` makes the request possible, and no smaller set of choices does.
    static func expectFewestToUndo(_ undo: [Int32], request: [Int32], oracle: Picosat) throws {
        #expect(!undo.isEmpty && undo.allSatisfy(request.contains))
        #expect(try oracle.solve(assuming: request.filter { !undo.contains($0) }) != nil, "undoing \(undo) is not enough")
        guard undo.count == 2 else { return }
        for single in Set(request) {
            #expect(try oracle.solve(assuming: request.filter { $0 != single }) == nil, "undoing \(single) alone is enough")
        }
    }
}
