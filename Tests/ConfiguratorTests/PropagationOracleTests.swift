import SeededRandom
import Configurator
import Foundation
import PropertyBased
import Testing

/// Propagation on the two shared product models, checked exactly against `picosat`.
@Suite("Propagation on the shared models against picosat")
struct PropagationOracleTests {
    static let models = [BenchmarkModels.pc, BenchmarkModels.automotive]

    /// Random walks per model (few on the large one: the suite runs in debug builds).
    static func walks(_ file: String) -> (count: Int, steps: Int) {
        file == BenchmarkModels.pc ? (3, 4) : (2, 2)
    }

    /// Checks every variable's state in `result` against picosat.
    ///
    /// One unsatisfiable picosat call proves every forced and excluded variable right (the
    /// clauses, the choices and "some forced or excluded variable differs" have no model).
    /// Each open variable needs a configuration with each value: a fresh `SATSolver` finds
    /// them, steered towards the values not yet seen, and each one is checked clause by
    /// clause here, so the certificates do not rest on any solver; picosat confirms a
    /// random sample of open values on its own.
    static func expectMatchesOracle(_ result: Propagation, choices: [Int32], model: DIMACSModel,
                                    oracle: Picosat, random: inout SplitMix) throws {
        guard try oracle.solve(assuming: choices) != nil else {
            #expect(!result.valid, "picosat finds \(choices) impossible")
            return
        }
        #expect(result.valid, "picosat finds a configuration for \(choices)")
        guard result.valid else { return }
        let fixed = result.forced.map { Int32($0) } + result.excluded.map { -Int32($0) }
        if !fixed.isEmpty {
            #expect(try oracle.solve(assuming: choices, adding: [fixed.map { -$0 }]) == nil,
                    "after \(choices) some variable said forced or excluded can take the other value")
        }
        let open = (1...model.variableCount).filter { result.state(of: $0) == .open }
            .flatMap { [Int32($0), -Int32($0)] }
        var unseen = Set(open)
        var solver = SATSolver(variableCount: model.variableCount, clauses: model.clauses)
        while let literal = unseen.min() {
            let preferences = unseen.sorted()
            guard case let .satisfiable(found) = solver.solve(assuming: choices + [literal], preferring: preferences) else {
                Issue.record("after \(choices) variable \(abs(literal)) is said open but cannot be \(literal > 0)")
                unseen.remove(literal)
                continue
            }
            try #require(satisfies(found, model.clauses + choices.map { [$0] }), "a witness configuration breaks a rule")
            for variable in 1..<found.count { unseen.remove(found[variable] ? Int32(variable) : -Int32(variable)) }
        }
        for _ in 0..<4 {
            guard let literal = open.randomElement(using: &random) else { break }
            #expect(try oracle.solve(assuming: choices + [literal]) != nil,
                    "picosat: after \(choices) variable \(abs(literal)) cannot be \(literal > 0)")
        }
    }

    /// Whether `assignment` (indexed by variable) satisfies every clause.
    static func satisfies(_ assignment: [Bool], _ clauses: [[Int32]]) -> Bool {
        clauses.allSatisfy { clause in clause.contains { assignment[Int($0.magnitude)] == ($0 > 0) } }
    }

    /// A random open variable of `result`, selected or ruled out at random.
    static func randomChoice(in result: Propagation, using random: inout SplitMix) -> Int32? {
        let open = result.states.indices.filter { $0 > 0 && result.states[$0] == .open }
        guard let variable = open.randomElement(using: &random) else { return nil }
        return Bool.random(using: &random) ? Int32(variable) : -Int32(variable)
    }

    /// Chooses open options at random, one after another, until `steps` are chosen (every
    /// open one when `nil`) or none is left open; `each` sees every choice sequence and its
    /// propagation. Returns the last of them.
    @discardableResult
    static func randomWalk(
        _ propagator: inout Propagator, steps: Int? = nil, random: inout SplitMix,
        each: (_ choices: [Int32], _ result: Propagation, _ random: inout SplitMix) throws -> Void = { _, _, _ in }
    ) throws -> (choices: [Int32], result: Propagation) {
        var choices: [Int32] = []
        var result = try propagator.propagate(choices: choices)
        while choices.count < steps ?? .max, let choice = randomChoice(in: result, using: &random) {
            choices.append(choice)
            result = try propagator.propagate(choices: choices)
            try each(choices, result, &random)
        }
        return (choices, result)
    }

    @Test("Selectable options match picosat exactly along random choice sequences", arguments: models)
    func selectableOptions(file: String) async throws {
        let (model, oracle) = try Picosat.over(file)
        var propagator = Propagator(model: model)
        var random = SplitMix(seed: 1)
        try Self.expectMatchesOracle(propagator.propagate(choices: []), choices: [], model: model,
                                     oracle: oracle, random: &random)
        let walks = Self.walks(file)
        await propertyCheck(count: walks.count, input: Gen.uint64()) { seed in
            var random = SplitMix(seed: seed)
            try Self.randomWalk(&propagator, steps: walks.steps, random: &random) { choices, result, random in
                #expect(result.valid, "choosing an open option after \(choices.dropLast()) must stay possible")
                try Self.expectMatchesOracle(result, choices: choices, model: model, oracle: oracle, random: &random)
            }
        }
    }

    @Test("Choosing open options until none is left never reaches a dead end (PC)")
    func noDeadEnds() async throws {
        let model = try BenchmarkModels.model(BenchmarkModels.pc)
        var propagator = Propagator(model: model)
        await propertyCheck(count: 2, input: Gen.uint64()) { seed in
            var random = SplitMix(seed: seed)
            let result = try Self.randomWalk(&propagator, random: &random) { choices, result, _ in
                try #require(result.valid, "dead end after \(choices)")
            }.result
            let configuration = result.states.indices.dropFirst().map { result.states[$0] == .forced }
            #expect(Self.satisfies([false] + configuration, model.clauses))
        }
    }

    @Test("Full configurations are valid exactly when picosat satisfies them", arguments: models)
    func fullConfigurations(file: String) async throws {
        let (model, oracle) = try Picosat.over(file)
        var propagator = Propagator(model: model)
        await propertyCheck(count: 3, input: Gen.uint64()) { seed in
            var random = SplitMix(seed: seed)
            let start = try propagator.propagate(choices: [])
            let choices = Self.randomChoice(in: start, using: &random).map { [$0] } ?? []
            let found = try #require(try oracle.solve(assuming: choices))
            var configuration = (1...model.variableCount).map { found[$0] ? Int32($0) : -Int32($0) }
            let valid = try propagator.propagate(choices: configuration)
            #expect(valid.valid && valid.forced.count + valid.excluded.count == model.variableCount)
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let index = Int.random(in: 0..<configuration.count, using: &random)
                configuration[index].negate()
            }
            let result = try propagator.propagate(choices: configuration)
            let satisfiable = try oracle.solve(adding: configuration.map { [$0] }) != nil
            #expect(result.valid == satisfiable, "a changed full configuration: \(result.valid) but picosat says \(satisfiable)")
        }
    }
}
