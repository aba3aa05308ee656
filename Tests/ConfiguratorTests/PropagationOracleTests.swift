import Configurator
import Foundation
import Testing

/// Propagation on the real PC model, checked against the `picosat` binary.
@Suite("Propagation on pc-richmond against picosat")
struct PropagationOracleTests {
    static let picosat = "/usr/bin/picosat"

    static func loadModel() throws -> DIMACSModel {
        let url = DIMACSParserTests.benchmarks.appendingPathComponent("pc-richmond.dimacs")
        return try DIMACSModel(parsing: String(contentsOf: url, encoding: .utf8))
    }

    /// Whether picosat finds `model`'s clauses plus `units` satisfiable.
    static func picosatSatisfiable(_ model: DIMACSModel, units: [Int32]) throws -> Bool {
        let clauses = model.clauses + units.map { [$0] }
        var text = "p cnf \(model.variableCount) \(clauses.count)\n"
        for clause in clauses { text += clause.map(String.init).joined(separator: " ") + " 0\n" }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("outpost-sat-\(UUID().uuidString).cnf")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: picosat)
        process.arguments = ["-n", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = output.split(whereSeparator: \.isNewline)
        if lines.contains("s SATISFIABLE") { return true }
        if lines.contains("s UNSATISFIABLE") { return false }
        throw OracleFailure(message: "picosat gave no answer line: \(output.prefix(200))")
    }

    struct OracleFailure: Error, CustomStringConvertible { let description: String
        init(message: String) { description = message }
    }

    @Test("With no choices the model is valid and the PC itself is forced")
    func noChoices() throws {
        let model = try Self.loadModel()
        let clock = ContinuousClock()
        var result: Propagation?
        let elapsed = try clock.measure { result = try Propagation(model: model, choices: []) }
        let propagation = try #require(result)
        #expect(propagation.valid)
        #expect(propagation.state(of: 1) == .forced)
        print("pc-richmond propagation, no choices: \(elapsed), \(propagation.solverCalls) SAT calls, "
              + "\(propagation.forced.count) forced, \(propagation.excluded.count) excluded")
    }

    @Test("Forced and excluded agree with picosat along fixed choice sequences")
    func againstPicosat() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.picosat),
                     "picosat is missing at \(Self.picosat): install the Debian package `picosat` (apt-get install picosat)")
        let model = try Self.loadModel()
        var propagator = Propagator(model: model)
        // Each sequence: pick, step by step, the open variable at the given rank (positive
        // when the rank is positive, negative otherwise) of the current propagation.
        let sequences: [[Int]] = [[0, 5, 17], [3, -10, 40, -2], [-1, 25, 60, 7, -30]]
        let clock = ContinuousClock()
        var total = Duration.zero
        var propagations = 0
        for ranks in sequences {
            var choices: [Int32] = []
            for rank in ranks {
                let start = clock.now
                let current = try propagator.propagate(choices: choices)
                total += clock.now - start
                propagations += 1
                try #require(current.valid)
                let open = (1...model.variableCount).filter { current.state(of: $0) == .open }
                try #require(!open.isEmpty)
                let variable = Int32(open[abs(rank) % open.count])
                choices.append(rank >= 0 ? variable : -variable)
                let start2 = clock.now
                let result = try propagator.propagate(choices: choices)
                total += clock.now - start2
                propagations += 1
                #expect(result.valid == (try Self.picosatSatisfiable(model, units: choices)))
                guard result.valid else { continue }
                // A sample of ~20 variables: forced, excluded and open ones.
                let forced = result.forced, excluded = result.excluded
                let opens = (1...model.variableCount).filter { result.state(of: $0) == .open }
                func spread(_ list: [Int], _ n: Int) -> [Int] {
                    list.isEmpty ? [] : (0..<min(n, list.count)).map { list[$0 * list.count / min(n, list.count)] }
                }
                let sample = spread(forced, 7) + spread(excluded, 7) + spread(opens, 6)
                for v in sample {
                    let literal = Int32(v)
                    let canBeFalse = try Self.picosatSatisfiable(model, units: choices + [-literal])
                    let canBeTrue = try Self.picosatSatisfiable(model, units: choices + [literal])
                    #expect((result.state(of: v) == .forced) == !canBeFalse, "variable \(v) after \(choices)")
                    #expect((result.state(of: v) == .excluded) == !canBeTrue, "variable \(v) after \(choices)")
                }
            }
        }
        // Contradictory choices are invalid for both.
        let bad: [Int32] = [10, -10]
        #expect(try !propagator.propagate(choices: bad).valid)
        #expect(try !Self.picosatSatisfiable(model, units: bad))
        print("pc-richmond propagation with a reused Propagator: \(propagations) runs, \(total / propagations) each")
    }
}
