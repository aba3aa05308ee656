import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import Testing

@testable import OutpostServer

/// Runs `outpost-server` subcommands in-process against a real database file.
@Suite("outpost-server import and export")
struct ImportCommandTests {
    let folder: URL
    let db: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-import-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        db = folder.appendingPathComponent("hq.sqlite").path
    }

    func run(_ arguments: [String]) async throws {
        try await OutpostServerCommand.run(arguments: arguments)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("A good file is imported; a file with one bad row imports nothing and names line and column")
    func allOrNothing() async throws {
        try await run(["init", "--db", db])
        try await run(["territory", "add", "--db", db, "Bavaria"])
        let store = try SQLiteStore(path: db)
        let territory = try #require(try await store.territories().first)

        let good = try write("good.csv", """
            territory_id,name,country
            \(territory.id),Hartmann Logistik GmbH,DE
            \(territory.id),"Müller & Söhne, Nord",DE

            """)
        try await run(["import", "--db", db, "accounts", good])
        #expect(try await store.counts().accounts == 2)

        let bad = try write("bad.csv", """
            territory_id,name,country
            \(territory.id),Brandt Maschinenbau,DE
            \(territory.id),Weber Foods,Germany

            """)
        await #expect {
            try await run(["import", "--db", db, "accounts", bad])
        } throws: { error in
            "\(error)".contains("line 3, column country") && "\(error)".contains("nothing was imported")
        }
        #expect(try await store.counts().accounts == 2)
        #expect(try await store.accounts(in: nil).map(\.name).sorted() == ["Hartmann Logistik GmbH", "Müller & Söhne, Nord"])
    }

    @Test("Commands on a missing database refuse instead of creating one")
    func missingDatabase() async throws {
        let missing = folder.appendingPathComponent("typo.sqlite").path
        await #expect(throws: (any Error).self) { try await run(["user", "list", "--db", missing]) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
