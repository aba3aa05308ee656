import Foundation
import HubCore
import OutpostInterchange
import OutpostModel
import OutpostPostgres
import OutpostReplication
import OutpostSQLite
import OutpostStore
import StoreTestSupport
import Testing

@testable import OutpostServer

/// `demo`, `import`, `export` and `catalog` on a `postgres://` database, run in-process,
/// checked against what the same commands write to SQLite.
@Suite("outpost-server demo, import and catalog on PostgreSQL", .needsPostgres)
struct PostgresRecordCommandTests {
    let folder: ScratchFolder
    var key: String { folder.path("server.key") }

    init() throws { folder = try ScratchFolder("outpost-pg-records") }

    func run(_ arguments: [String], on db: String) async throws {
        try await OutpostServerCommand.run(arguments: arguments + ["--db", db, "--key-file", key])
    }

    @Test("demo --scale small writes the same company to PostgreSQL as to SQLite, and refuses a second run")
    func demoMatchesSQLite() async throws {
        let sqlitePath = folder.path("hq.sqlite")
        try await OutpostServerCommand.run(arguments: ["demo", "--scale", "small", "--db", sqlitePath])
        let sqlite = try SQLiteStore(path: sqlitePath)
        try await TestPostgres.withDatabase { location in
            let db = TestPostgres.url(of: location)
            try await run(["init"], on: db)
            try await run(["demo", "--scale", "small"], on: db)
            try await PostgresStore.withStore(at: location, mode: .existing, keyFile: key) { postgres in
                #expect(try await postgres.counts() == (try await sqlite.counts()))
                #expect(Set(try await postgres.accounts(in: nil)) == Set(try await sqlite.accounts(in: nil)))
                #expect(Set(try await postgres.contacts(of: nil)) == Set(try await sqlite.contacts(of: nil)))
                #expect(Set(try await postgres.opportunities(of: nil)) == Set(try await sqlite.opportunities(of: nil)))
                #expect(Set(try await postgres.leads(in: nil)) == Set(try await sqlite.leads(in: nil)))
                #expect(Set(try await postgres.activities(of: nil)) == Set(try await sqlite.activities(of: nil)))
                #expect(try await postgres.products() == (try await sqlite.products()))
                #expect(Set(try await postgres.priceBooks()) == Set(try await sqlite.priceBooks()))
                #expect(Set(try await postgres.forecastSubmissions()) == Set(try await sqlite.forecastSubmissions()))
                #expect(Set(try await postgres.quotas()) == Set(try await sqlite.quotas()))
                for product in try await sqlite.products() {
                    #expect(try await postgres.productOptions(of: product.id) == (try await sqlite.productOptions(of: product.id)))
                    #expect(try await postgres.configuratorModel(of: product.id) == (try await sqlite.configuratorModel(of: product.id)))
                }
            }
            await #expect { try await run(["demo", "--scale", "small"], on: db) } throws: { error in
                "\(error)".contains("already holds data") && "\(error)".contains("use a new --db file or an empty database")
            }
        }
    }

    @Test("import on PostgreSQL: all or nothing, never a duplicate, an account moved takes its contacts along; export reads back")
    func importAccounts() async throws {
        try await TestPostgres.withDatabase { location in
            let db = TestPostgres.url(of: location)
            try await run(["init"], on: db)
            try await run(["territory", "add", "Bavaria"], on: db)
            try await run(["territory", "add", "Saxony"], on: db)
            let accounts = try folder.write("accounts.csv", """
                territory_id,name,city
                Bavaria,Ironhill Haulage AG,Regensburg
                Bavaria,Lehmann Solar AG,Passau

                """)
            try await run(["import", "accounts", accounts], on: db)
            try await run(["import", "accounts", accounts], on: db)
            let bad = try folder.write("bad.csv", """
                territory_id,name,country
                Bavaria,Brandt Maschinenbau,DE
                Bavaria,Weber Foods,Germany

                """)
            await #expect { try await run(["import", "accounts", bad], on: db) } throws: { error in
                "\(error)".contains("line 3, column country") && "\(error)".contains("nothing was imported")
            }
            try await PostgresStore.withStore(at: location, mode: .existing, keyFile: key) { store in
                let stored = try await store.accounts(in: nil)
                #expect(stored.map(\.name).sorted() == ["Ironhill Haulage AG", "Lehmann Solar AG"], "no duplicate, nothing of the bad file")
                let ironhill = try #require(stored.first { $0.name == "Ironhill Haulage AG" })
                let contacts = try folder.write("contacts.csv", "account_id,first_name,last_name,email\n\(ironhill.id),Jana,Roth,jana@ironhill.example\n")
                try await run(["import", "contacts", contacts], on: db)
                #expect(try await store.contacts(of: [ironhill.id]).map(\.lastName) == ["Roth"])

                // The exported file, with the account moved to Saxony, imports as an update in place.
                let saxony = try #require(try await store.territories().first { $0.name == "Saxony" })
                var moved = ironhill
                moved.territoryID = saxony.id
                let export = try folder.write("export.csv", CSVExport.text(for: .accounts([moved])))
                try await run(["import", "accounts", export], on: db)
                #expect(try await store.accounts(in: [saxony.id]).map(\.id) == [ironhill.id])
                #expect(try await store.counts().accounts == 2)
            }
            // The contact's hub route followed its account: a Saxony device's scope holds it.
            try await PostgresStore.withStore(at: location, mode: .existing) { store in
                let saxony = try #require(try await store.territories().first { $0.name == "Saxony" })
                let routed = try await store.ledger.snapshot { ledger in
                    try ledger.records(RecordSelection(territories: [saxony.id], includeGlobal: false), after: 0, through: nil, limit: 100).map(\.kind)
                }
                #expect(routed.filter { $0 == .account }.count == 1)
                #expect(routed.filter { $0 == .contact }.count == 1)
            }
        }
    }

    @Test("catalog product add, price-book set and export on PostgreSQL sign a new bundle; without the key file the write says what to pass")
    func catalogCommands() async throws {
        try await TestPostgres.withDatabase { location in
            let db = TestPostgres.url(of: location)
            try await run(["init"], on: db)
            try await run(["catalog", "product", "add", "DOCK-TB4", "--name", "Thunderbolt Dock", "--price", "249"], on: db)
            try await run(["catalog", "price-book", "add", "Standard EUR", "--currency", "EUR"], on: db)
            try await run(["catalog", "price-book", "set", "Standard EUR", "DOCK-TB4", "239"], on: db)
            try await run(["catalog", "export"], on: db)
            await #expect {
                try await OutpostServerCommand.run(arguments: ["catalog", "product", "add", "DOCK-USB", "--name", "USB Dock", "--price", "99",
                                                               "--db", db])
            } throws: { error in "\(error)".contains("pass --key-file FILE") }
            try await PostgresStore.withStore(at: location, mode: .existing) { store in
                let product = try #require(try await store.products().first)
                #expect(product.sku == "DOCK-TB4")
                #expect(try await store.priceBooks().first?.entries[product.id] == Money(minorUnits: 23900, currency: .eur))
                let (bundles, current) = try await store.ledger.snapshot { ledger in
                    (try ledger.records(RecordSelection(territories: [], includeGlobal: true), after: 0, through: nil, limit: 100)
                        .filter { $0.kind == .catalogBundle }.map(\.seq), try ledger.currentSequence())
                }
                #expect(bundles == [current], "the product's one bundle was signed again by the last change, the price")
            }
        }
    }
}
