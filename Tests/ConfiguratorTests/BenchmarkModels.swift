import SeededRandom
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

