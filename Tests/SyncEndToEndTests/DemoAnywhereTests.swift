import Foundation
import OutpostSQLite
import OutpostStore
import StoreTestSupport
import Testing

@Suite("outpost-server demo from any folder")
struct DemoAnywhereTests {
    @Test("demo run from a folder with nothing beside it gives PC-RICHMOND its options and rules")
    func demoFromAnyFolder() async throws {
        let folder = try ScratchFolder("outpost-demo")
        defer { folder.remove() }
        let db = folder.path("hq.sqlite")

        #expect(try await ToolRun.run("outpost-server", ["init", "--db", db], in: folder.url).status == 0)
        let demo = try await ToolRun.run("outpost-server", ["demo", "--db", db, "--json"], in: folder.url)
        #expect(demo.status == 0, "\(demo.errors)")

        let counts = try await SQLiteStore(path: db).counts()
        #expect(counts.configuratorModels == 1)
        #expect(counts.productOptions == 377, "one option per named variable of the bundled model")
    }
}
