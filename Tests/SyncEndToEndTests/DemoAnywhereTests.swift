import Foundation
import OutpostSQLite
import OutpostStore
import Testing

@Suite("outpost-server demo from any folder")
struct DemoAnywhereTests {
    @Test("demo run from a folder with nothing beside it gives PC-RICHMOND its options and rules")
    func demoFromAnyFolder() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-demo-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("hq.sqlite").path

        #expect(try await ToolRun.run("outpost-server", ["init", "--db", db], in: folder).status == 0)
        let demo = try await ToolRun.run("outpost-server", ["demo", "--db", db, "--json"], in: folder)
        #expect(demo.status == 0, "\(demo.errors)")

        let counts = try await SQLiteStore(path: db).counts()
        #expect(counts.configuratorModels == 1)
        #expect(counts.productOptions == 377, "one option per named variable of the bundled model")
    }
}
