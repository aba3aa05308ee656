public import Configurator
import Foundation

/// The product models that ship with the demo company as resources of this module
/// (`Resources/`, with their licence and attribution), so the demo needs no file
/// outside the repository and works from any working folder.
///
/// ```swift
/// let batch = DemoCompany.generate(scale: .small, pcModel: try DemoModels.pcRichmond())
/// ```
public enum DemoModels {
    /// A bundled model that cannot be read: a broken build or installation.
    public struct MissingModel: Error, CustomStringConvertible {
        /// The resource's file name.
        public let file: String
        public var description: String {
            "the demo's product model \(file) is missing from the installation; rebuild Outpost or pass --dimacs FILE"
        }
    }

    /// The DIMACS CNF text of the `PC-RICHMOND` build-to-order PC (377 variables,
    /// 1,356 clauses; SoftVarE Group's Feature-Model Benchmark, MIT licence).
    public static func pcRichmondText() throws -> String {
        let file = "pc-richmond.dimacs"
        guard let url = Bundle.module.url(forResource: "pc-richmond", withExtension: "dimacs", subdirectory: "Resources"),
              let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw MissingModel(file: file) }
        return text
    }

    /// The `PC-RICHMOND` model, parsed.
    public static func pcRichmond() throws -> DIMACSModel {
        try DIMACSModel(parsing: pcRichmondText())
    }
}
