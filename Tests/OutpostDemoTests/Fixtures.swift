import Configurator
import Foundation
import OutpostDemo
import OutpostStore

/// Batches shared by the demo tests, generated once.
enum Fixtures {
    /// The real feature model that ships with the demo (OutpostDemo's resources).
    static let pcModel: DIMACSModel = {
        // A missing or broken bundled model is a broken build: stop and say so.
        do { return try DemoModels.pcRichmond() } catch { fatalError("\(error)") }
    }()

    static let small = DemoCompany.generate(scale: .small, pcModel: pcModel)
    static let medium = DemoCompany.generate(scale: .medium, pcModel: pcModel)
}
