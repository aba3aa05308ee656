import Configurator
import Foundation
import Testing

/// Debian's `picosat` binary, the SAT oracle the configurator is checked against.
///
/// The model's clauses are written to a temporary file once; each question adds its
/// assumptions (`-a`) and extra clauses (`-f` lets the file hold more clauses than its
/// header says).
final class Picosat: Sendable {
    static let path = "/usr/bin/picosat"
    static var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }
    static let missing: Comment = "picosat is missing at \(path): install the Debian package `picosat` (apt-get install picosat)"

    let variableCount: Int
    private let text: String
    private let file: URL

    /// An oracle for `clauses` over `variableCount` variables.
    init(variableCount: Int, clauses: [[Int32]]) throws {
        self.variableCount = variableCount
        text = Self.dimacs(variableCount: variableCount, clauses: clauses)
        file = Self.temporaryFile()
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    convenience init(model: DIMACSModel) throws {
        try self.init(variableCount: model.variableCount, clauses: model.clauses)
    }

    /// The benchmark model `file` and picosat over it; a failed requirement when picosat
    /// is not installed.
    static func over(_ file: String) throws -> (model: DIMACSModel, oracle: Picosat) {
        try #require(isInstalled, missing)
        let model = try BenchmarkModels.model(file)
        return (model, try Picosat(model: model))
    }

    deinit { try? FileManager.default.removeItem(at: file) }

    /// A satisfying assignment (indexed by variable) of the clauses, the `extra` clauses
    /// and the `assumptions`, or `nil` when there is none. With a `randomSeed`, picosat
    /// starts from random phases (`-i 3 -s SEED`), for varied assignments.
    func solve(assuming assumptions: [Int32] = [], adding extra: [[Int32]] = [], randomSeed: Int? = nil) throws -> [Bool]? {
        let options = assumptions.flatMap { ["-a", String($0)] } + (randomSeed.map { ["-i", "3", "-s", String($0)] } ?? [])
        guard !extra.isEmpty else { return try run(file, options) }
        let extended = Self.temporaryFile()
        defer { try? FileManager.default.removeItem(at: extended) }
        try (text + extra.map(Self.line).joined()).write(to: extended, atomically: true, encoding: .utf8)
        return try run(extended, options)
    }

    /// Whether `clauses` alone are satisfiable (for small formulas such as explanations).
    static func isSatisfiable(variableCount: Int, clauses: [[Int32]]) throws -> Bool {
        try Picosat(variableCount: variableCount, clauses: clauses).solve() != nil
    }

    private func run(_ input: URL, _ options: [String]) throws -> [Bool]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = ["-f"] + options + [input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = output.split(whereSeparator: \.isNewline)
        if lines.contains("s UNSATISFIABLE") { return nil }
        guard lines.contains("s SATISFIABLE") else {
            throw OracleFailure(description: "picosat gave no answer line: \(output.prefix(200))")
        }
        var model = Array(repeating: false, count: variableCount + 1)
        for line in lines where line.hasPrefix("v ") {
            for token in line.dropFirst(2).split(separator: " ") {
                guard let literal = Int(token), literal > 0 else { continue }
                model[literal] = true
            }
        }
        return model
    }

    private static func dimacs(variableCount: Int, clauses: [[Int32]]) -> String {
        "p cnf \(variableCount) \(clauses.count)\n" + clauses.map(line).joined()
    }

    private static func line(_ clause: [Int32]) -> String {
        clause.map(String.init).joined(separator: " ") + " 0\n"
    }

    private static func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("outpost-sat-\(UUID().uuidString).cnf")
    }
}

/// picosat answered something other than SAT or UNSAT.
struct OracleFailure: Error, CustomStringConvertible {
    let description: String
}
