import BenchmarkedConfigurator
import Foundation

/// Milliseconds per choice (propagation with explanations) on the two shared product
/// models, in the same run: `swift run -c release --scratch-path .build-bench configurator-timing [DIRECTORY]`,
/// DIRECTORY holding the DIMACS files (default: ../shared/benchmarks/configurator next to the repository).
let directory = CommandLine.arguments.dropFirst().first.map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../shared/benchmarks/configurator").standardized

func milliseconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    return String(format: "%.2f", value)
}

func summary(_ times: [Duration]) -> (mean: String, median: String, p95: String, max: String) {
    let sorted = times.sorted()
    guard let last = sorted.last else { return ("-", "-", "-", "-") }
    let mean = sorted.reduce(Duration.zero, +) / sorted.count
    return (milliseconds(mean), milliseconds(sorted[sorted.count / 2]),
            milliseconds(sorted[sorted.count * 95 / 100]), milliseconds(last))
}

print("model | variables | clauses | first propagation ms | choices | ms/choice mean | median | p95 | max | SAT calls/choice | explanations/choice | impossible request ms mean | max")
for file in ["pc-richmond.dimacs", "automotive01.dimacs"] {
    let url = directory.appendingPathComponent(file)
    let model = try DIMACSModel(parsing: String(contentsOf: url, encoding: .utf8))
    let clock = ContinuousClock()
    var propagator = Propagator(model: model)
    let first = try clock.measure { _ = try propagator.propagate(choices: []) }
    var walk = ChoiceWalk()
    try walk.run(&propagator, walks: 100, steps: 10, seed: 2024)
    let perChoice = summary(walk.times)
    let conflicts = summary(walk.conflictTimes)
    let count = max(walk.times.count, 1)
    print("\(file) | \(model.variableCount) | \(model.clauses.count) | \(milliseconds(first)) | \(walk.times.count) | "
        + "\(perChoice.mean) | \(perChoice.median) | \(perChoice.p95) | \(perChoice.max) | "
        + "\(walk.solverCalls / count) | \(walk.explanations / count) | \(conflicts.mean) | \(conflicts.max)")
}
