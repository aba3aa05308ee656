import SeededRandom
import Configurator
import Foundation
import OutpostDemo

/// The two real product models, read once per test process: the demo's PC (a resource of
/// OutpostDemo) and the automotive line (`Models/`, a resource of this test target).
enum BenchmarkModels {
    /// The build-to-order PC (377 variables).
    static let pc = "pc-richmond.dimacs"
    /// The automotive product line (2,513 variables).
    static let automotive = "automotive01.dimacs"

    private static let loaded: [String: DIMACSModel] = {
        var models: [String: DIMACSModel] = [:]
        for file in [pc, automotive] {
            guard let text = try? text(of: file) else { continue }
            models[file] = try? DIMACSModel(parsing: text)
        }
        return models
    }()

    /// The DIMACS text of `file`.
    static func text(of file: String) throws -> String {
        if file == pc { return try DemoModels.pcRichmondText() }
        let name = (file as NSString).deletingPathExtension
        guard let url = Bundle.module.url(forResource: name, withExtension: "dimacs", subdirectory: "Models") else {
            throw OracleFailure(description: "cannot find \(file) in the test target's Models")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The parsed model in `file`.
    static func model(_ file: String) throws -> DIMACSModel {
        guard let model = loaded[file] else {
            throw OracleFailure(description: "cannot read \(file)")
        }
        return model
    }
}

