import Foundation
import OutpostInterchange
import OutpostModel
import OutpostSQLite
import OutpostStore
import StoreTestSupport
import Testing

@testable import OutpostServer

/// Runs `outpost-server` subcommands in-process against a real database file.
@Suite("outpost-server import and export")
struct ImportCommandTests: ServerCommandSuite {
    let folder: ScratchFolder

    init() throws { folder = try ScratchFolder("outpost-import") }

    @Test("A good file is imported; a file with one bad row imports nothing and names line and column")
    func allOrNothing() async throws {
        try await run(["init"])
        try await run(["territory", "add", "Bavaria"])
        let store = try SQLiteStore(path: db)
        let territory = try #require(try await store.territories().first)

        let good = try folder.write("good.csv", """
            territory_id,name,country
            \(territory.id),Hartmann Logistik GmbH,DE
            \(territory.id),"Müller & Söhne, Nord",DE

            """)
        try await run(["import", "accounts", good])
        #expect(try await store.counts().accounts == 2)

        let bad = try folder.write("bad.csv", """
            territory_id,name,country
            \(territory.id),Brandt Maschinenbau,DE
            \(territory.id),Weber Foods,Germany

            """)
        await #expect {
            try await run(["import", "accounts", bad])
        } throws: { error in
            "\(error)".contains("line 3, column country") && "\(error)".contains("nothing was imported")
        }
        #expect(try await store.counts().accounts == 2)
        #expect(try await store.accounts(in: nil).map(\.name).sorted() == ["Hartmann Logistik GmbH", "Müller & Söhne, Nord"])
    }

    @Test("The same accounts file imported twice makes no new records; a semicolon file with names imports; --dry-run writes nothing")
    func neverDuplicates() async throws {
        try await run(["init"])
        try await run(["territory", "add", "Bavaria"])
        try await run(["user", "add", "michael.wagner", "--display-name", "Michael Wagner", "--role", "rep"])
        let store = try SQLiteStore(path: db)
        let noIDs = try folder.write("accounts.csv", """
            territory_id,name,city
            Bavaria,Ironhill Haulage AG,Regensburg
            bavaria,Lehmann Solar AG,Passau

            """)
        try await run(["import", "accounts", noIDs])
        #expect(try await store.counts().accounts == 2)
        let sequence = try await store.currentChangeSequence()
        try await run(["import", "accounts", noIDs])
        #expect(try await store.counts().accounts == 2, "rows without ids match the stored accounts")
        #expect(try await store.currentChangeSequence() == sequence, "nothing was written")

        let exported = try folder.write("export.csv", CSVExport.text(for: .accounts(try await store.accounts(in: nil))))
        try await run(["import", "accounts", exported])
        #expect(try await store.counts().accounts == 2, "rows with ids update (here: leave unchanged) their records")
        #expect(try await store.currentChangeSequence() == sequence)

        let semicolons = try folder.write("opps.csv", "\u{FEFF}account_id;owner_id;name;stage;amount;currency;close_date\r\n"
            + "Ironhill Haulage AG;michael.wagner;Fleet renewal;proposal;12000.00;EUR;2026-12-01\r\n")
        try await run(["import", "opportunities", semicolons, "--dry-run"])
        #expect(try await store.counts().opportunities == 0, "a dry run writes nothing")
        #expect(try await store.currentChangeSequence() == sequence)
        try await run(["import", "opportunities", semicolons])
        let opportunities = try await store.opportunities(of: nil)
        #expect(opportunities.map(\.name) == ["Fleet renewal"])
        #expect(opportunities.first?.ownerID == (try await store.user(named: "michael.wagner"))?.id)
    }

    @Test("Bad rows are listed in file order with line and column; an unclosed quote names its line")
    func errorsInFileOrder() async throws {
        try await run(["init"])
        try await run(["territory", "add", "Bavaria"])
        let bad = try folder.write("bad.csv", """
            territory_id,name,last_visit
            Bavaria,,2026-01-01
            Bavaria,Weber Foods,2026-02-30
            Nowhere,Brandt,

            """)
        await #expect {
            try await run(["import", "accounts", bad])
        } throws: { error in
            let lines = "\(error)".split(separator: "\n").map(String.init)
            return lines.count == 4 && lines[1].hasPrefix("line 2, column name")
                && lines[2] == "line 3, column last_visit: 2026-02-30 is not a date between 1900-01-01 and 2999-12-31; check the month and the day"
                && lines[3].hasPrefix("line 4, column territory_id: no territory is named \"Nowhere\"")
        }
        let unclosed = try folder.write("unclosed.csv", "territory_id,name\nBavaria,Weber\nBavaria,\"Brandt\n")
        await #expect {
            try await run(["import", "accounts", unclosed])
        } throws: { error in
            "\(error)".contains("line 3: the quoted field that starts here is never closed")
        }
        #expect(try await SQLiteStore(path: db).counts().accounts == 0)
    }

    @Test("Every kind exports and reads back unchanged", arguments: ["territories", "users", "accounts", "contacts", "leads",
                                                                  "opportunities", "activities", "quotas", "products"])
    func everyKindRoundTrips(kind: String) async throws {
        try await run(["init"])
        try await run(["demo", "--scale", "small", "--json"])
        let store = try SQLiteStore(path: db)
        let before = try await store.currentChangeSequence()
        let kindValue = try #require(InterchangeKind(rawValue: kind))
        let text = CSVExport.text(for: try await store.interchangeRecords(kindValue))
        #expect(text.split(separator: "\n").count > 1, "the demo has \(kind)")
        try await run(["import", kind, try folder.write("\(kind).csv", text)])
        #expect(try await store.currentChangeSequence() == before, "re-importing an export changes nothing")
    }

    @Test("Commands on a missing database refuse instead of creating one")
    func missingDatabase() async throws {
        let missing = folder.path("typo.sqlite")
        await #expect(throws: (any Error).self) { try await OutpostServerCommand.run(arguments: ["user", "list", "--db", missing]) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
