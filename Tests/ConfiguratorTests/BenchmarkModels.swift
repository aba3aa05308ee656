import Configurator
import Foundation

/// The two shared product models, read once per test process.
enum BenchmarkModels {
    /// The build-to-order PC (377 variables).
    static let pc = "pc-richmond.dimacs"
    /// The automotive product line (2,513 variables).
    static let automotive = "automotive01.dimacs"

    private static let loaded: [String: DIMACSModel] = {
        var models: [String: DIMACSModel] = [:]
        for file in [pc, automotive] {
            let url = DIMACSParserTests.benchmarks.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            models[file] = try? DIMACSModel(parsing: text)
        }
        return models
    }()

    /// The model in `file` of `/work/shared/benchmarks/configurator`.
    static func model(_ file: String) throws -> DIMACSModel {
        guard let model = loaded[file] else {
            throw OracleFailure(description: "cannot read \(file) in \(DIMACSParserTests.benchmarks.path)")
        }
        return model
    }
}

/// SplitMix64: a small seeded generator, so a failing property input replays exactly.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
