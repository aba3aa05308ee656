import Configurator
import Foundation
import OutpostDemo
import OutpostStore

/// Batches shared by the demo tests, generated once.
enum Fixtures {
    /// The real feature model in `/work/shared/benchmarks/configurator`, found from this file.
    static let pcModel: DIMACSModel = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("../../../shared/benchmarks/configurator/pc-richmond.dimacs")
            .standardized
        // A missing or broken benchmark file is a broken checkout: stop with its path.
        guard let text = try? String(contentsOf: url, encoding: .utf8), let model = try? DIMACSModel(parsing: text) else {
            fatalError("cannot read the DIMACS benchmark at \(url.path)")
        }
        return model
    }()

    static let small = DemoCompany.generate(scale: .small, pcModel: pcModel)
    static let medium = DemoCompany.generate(scale: .medium, pcModel: pcModel)
}
