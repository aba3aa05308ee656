import BenchmarkedConfigurator
import SeededRandom

/// A rep configuring products one choice at a time: each step selects or rules out a
/// random option that the previous propagation left open, and times the propagation
/// (every option's state plus an explanation for each forced or excluded one).
struct ChoiceWalk {
    /// Times of the propagations after a choice.
    private(set) var times: [Duration] = []
    /// SAT calls of those propagations.
    private(set) var solverCalls = 0
    /// Explanations returned by those propagations.
    private(set) var explanations = 0
    /// Times of impossible requests (asking for an excluded option), conflict included.
    private(set) var conflictTimes: [Duration] = []

    /// Runs `walks` walks of up to `steps` choices on one propagator (one session).
    mutating func run(_ propagator: inout Propagator, walks: Int, steps: Int, seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let clock = ContinuousClock()
        for _ in 0..<walks {
            var choices: [Int32] = []
            var result = try propagator.propagate(choices: choices)
            for _ in 0..<steps {
                let open = result.states.indices.filter { $0 > 0 && result.states[$0] == .open }
                guard let variable = open.randomElement(using: &random) else { break }
                choices.append(Bool.random(using: &random) ? Int32(variable) : -Int32(variable))
                let start = clock.now
                result = try propagator.propagate(choices: choices)
                times.append(clock.now - start)
                solverCalls += result.solverCalls
                explanations += result.explanations.count
                precondition(result.valid, "a choice of an open option led to a dead end")
            }
            let settled = result.explanations.values.filter { !$0.choices.isEmpty }
            if let target = settled.randomElement(using: &random) {
                let start = clock.now
                let impossible = try propagator.propagate(choices: choices + [-target.effect])
                conflictTimes.append(clock.now - start)
                precondition(!impossible.valid && impossible.conflict != nil, "an excluded option was accepted")
            }
        }
    }
}
