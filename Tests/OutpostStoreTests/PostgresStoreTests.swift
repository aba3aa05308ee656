import Foundation
import GRDB
import HubCore
import MergeEngine
import OutpostModel
@testable import OutpostPostgres
import OutpostProtocol
import OutpostReplication
@testable import OutpostSQLite
import OutpostStore
import PostgresNIO
import StoreTestSupport
import Testing

/// What only the PostgreSQL backend has to show: its schema against SQLite's, its
/// migrations, the hub state of directory changes, and several instances on one database.
@Suite("PostgreSQL store")
struct PostgresStoreTests {
    @Test("An empty database is refused until init creates the schema; init again changes nothing")
    func initialise() async throws {
        try await TestPostgres.withDatabase { location in
            await #expect { try await PostgresStore.withStore(at: location, mode: .existing) { _ in } } throws: { error in
                "\(error)" == "\(location) holds no Outpost schema; create it with: outpost-server init --db \(location)"
            }
            try await PostgresStore.withStore(at: location, mode: .create) { _ in }
            try await PostgresStore.withStore(at: location, mode: .create) { _ in }
            let applied = try await PostgresStore.withStore(at: location, mode: .existing) { store in
                try await store.transaction("reading migrations") { [logger = store.logger] connection in
                    try await connection.query("SELECT name FROM outpost_migration ORDER BY name", logger: logger).all(String.self)
                }
            }
            #expect(applied == PostgresMigrations.all.map(\.name))
        }
    }

    @Test("A database migrated by a newer Outpost is refused, and left as it was")
    func newerSchema() async throws {
        try await TestPostgres.withDatabase { location in
            try await PostgresStore.withStore(at: location, mode: .create) { store in
                try await store.transaction("pretending a newer build") { [logger = store.logger] connection in
                    try await connection.query("INSERT INTO outpost_migration (name) VALUES ('pg99-from-the-future')", logger: logger)
                }
            }
            await #expect { try await PostgresStore.withStore(at: location, mode: .existing) { _ in } } throws: { error in
                (error as? StoreError)?.code == .database && "\(error)".contains("written by a newer Outpost")
                    && "\(error)".contains("pg99-from-the-future")
            }
        }
    }

    @Test("The schema has SQLite's tables and columns, a table for the document content SQLite keeps in a folder, and one for the products an upgrade signs again (SQLite signs them in its migration)")
    func sameTablesAsSQLite() async throws {
        let sqlite = try SQLiteStore.temporary()
        var expected = try await sqlite.read("listing columns") { db in
            var columns: [String: Set<String>] = [:]
            for table in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            where !["grdb_migrations", "sqlite_sequence"].contains(table) {
                columns[table] = Set(try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table]))
            }
            return columns
        }
        expected["document_content"] = ["chunk", "bytes"]
        expected["catalog_resign"] = ["product_id"]
        let actual = try await TestPostgres.withDatabase { location in
            try await PostgresStore.withStore(at: location, mode: .create) { store in
                try await store.transaction("listing columns") { [logger = store.logger] connection in
                    var columns: [String: Set<String>] = [:]
                    let rows = try await connection.query("""
                        SELECT table_name::text, column_name::text FROM information_schema.columns
                        WHERE table_schema = 'public' AND table_name <> 'outpost_migration'
                        """, logger: logger)
                    for try await (table, column) in rows.decode((String, String).self) { columns[table, default: []].insert(column) }
                    return columns
                }
            }
        }
        #expect(actual == expected)
        #expect(expected.count > 30)
    }

    @Test("Each directory change takes the next change sequence value and stores the record's hub state")
    func hubState() async throws {
        try await TestPostgres.withDatabase { location in
            try await PostgresStore.withStore(at: location, mode: .create) { store in
                let world = Territory(name: "World")
                let emea = Territory(name: "EMEA")
                let ana = User(name: "ana.lopez", displayName: "Ana", role: .rep, territoryIDs: [emea.id])
                try await store.addTerritory(world)
                try await store.addTerritory(emea)
                try await store.addUser(ana)
                try await store.moveTerritory(emea.id, under: world.id)
                try await store.assign(ana.id, to: [world.id, emea.id])

                var moved = emea
                moved.parentID = world.id
                var assigned = ana
                assigned.territoryIDs = [world.id, emea.id]
                #expect(try await hubRecord(Territory.self, moved.recordID, in: store) == HubRecord(record: moved, seq: 4, tableSeq: 4))
                #expect(try await hubRecord(User.self, ana.recordID, in: store) == HubRecord(record: assigned, seq: 5, tableSeq: 5))
                #expect(try await hubRecord(Territory.self, world.recordID, in: store) == HubRecord(record: world, seq: 1, tableSeq: 1))

                let gone = Territory(name: "Gone")
                try await store.addTerritory(gone)
                try await store.removeTerritory(gone.id, now: Date())
                let deleted = try await store.transaction("reading hub state") { [logger = store.logger] connection in
                    try await ReplicaTable.load(connection, gone.recordID, logger: logger)
                }
                #expect(deleted?.view(policy: .updateWins).isDeleted == true)
            }
        }
    }

    @Test("Two instances on one database: every change gets its own sequence value, and a name is taken once")
    func twoInstances() async throws {
        try await TestPostgres.withDatabase { location in
            try await PostgresStore.withStore(at: location, mode: .create) { _ in }
            let names = (1...12).map { "Territory \($0)" }
            let outcomes = try await PostgresStore.withStore(at: location, mode: .existing) { first in
                try await PostgresStore.withStore(at: location, mode: .existing) { second in
                    try await withThrowingTaskGroup(of: Bool.self) { group in
                        for (index, name) in (names + names).enumerated() {
                            let instance = index % 2 == 0 ? first : second
                            group.addTask {
                                do { try await instance.addTerritory(Territory(name: name)); return true } catch let error as StoreError {
                                    guard error.code == .duplicate else { throw error }
                                    return false
                                }
                            }
                        }
                        return try await group.reduce(into: [Bool]()) { $0.append($1) }
                    }
                }
            }
            #expect(outcomes.filter { $0 }.count == names.count)
            try await PostgresStore.withStore(at: location, mode: .existing) { store in
                #expect(Set(try await store.territories().map(\.name)) == Set(names))
                let sequences = try await store.transaction("reading sequences") { [logger = store.logger] connection in
                    try await connection.query("SELECT change_seq FROM territory ORDER BY change_seq", logger: logger).all(Int64.self)
                }
                #expect(Set(sequences).count == names.count)
            }
        }
    }

    @Test("Two instances moving two territories under each other at once: one move wins, the other is refused as a cycle")
    func concurrentMovesMakeNoCycle() async throws {
        try await TestPostgres.withDatabase { location in
            try await PostgresStore.withStore(at: location, mode: .create) { first in
                try await PostgresStore.withStore(at: location, mode: .existing) { second in
                    for round in 1...10 {
                        let a = Territory(name: "A\(round)"), b = Territory(name: "B\(round)")
                        try await first.addTerritory(a)
                        try await first.addTerritory(b)
                        async let aUnderB = outcome { try await first.moveTerritory(a.id, under: b.id) }
                        async let bUnderA = outcome { try await second.moveTerritory(b.id, under: a.id) }
                        let outcomes = try await [aUnderB, bUnderA]
                        #expect(outcomes.sorted { $0 == nil && $1 != nil } == [nil, .invalid])
                        let parents = Dictionary(uniqueKeysWithValues: try await first.territories().map { ($0.id, $0.parentID) })
                        #expect((parents[a.id]! == b.id) != (parents[b.id]! == a.id))
                    }
                }
            }
        }
    }

    /// `nil` when `body` succeeds, else the code of the `StoreError` it throws.
    func outcome(_ body: () async throws -> Void) async throws -> StoreError.Code? {
        do { try await body(); return nil } catch let error as StoreError { return error.code }
    }

    struct HubRecord<R: ReplicatedRecord>: Equatable {
        var record: R
        var seq: Int64
        var tableSeq: Int64
    }

    /// The hub's merged view of record `id`, its delivery sequence and its table's `change_seq`.
    @Test("A database from before bundles carried one digest signs every product again when an instance opens it with its key file")
    func upgradeSignsEveryProductAgain() async throws {
        let folder = try ScratchFolder("outpost-pg")
        defer { folder.remove() }
        let company = try SampleCompany()
        let keyFile = folder.path("server.key")
        try await TestPostgres.withDatabase { location in
            let before = try await PostgresStore.withStore(at: location, mode: .create, keyFile: keyFile) { store in
                try await store.insert(company.batch)
                return try await Self.signedBundle(of: company.laptop.id, in: store)
            }
            // The database as an Outpost without the migration left it: the bundle's state
            // also holds the retired per-member digests (field 3), as bundles signed then did.
            try await PostgresStore.withStore(at: location, mode: .existing) { store in
                try await store.transaction("undoing the migration") { [logger = store.logger] connection in
                    try await connection.query("DROP TABLE catalog_resign", logger: logger)
                    try await connection.query("DELETE FROM outpost_migration WHERE name = 'pg9-catalog-bundle-digest'", logger: logger)
                    let id = CatalogBundle.recordID(forProduct: company.laptop.id)
                    var state = try #require(try await ReplicaTable.load(connection, id, logger: logger))
                    let dot = Dot(replica: .hub, counter: state.counter(of: .hub) + 1)
                    state.apply(Write(dot: dot, record: id, context: state.context,
                                      operation: .update(fields: [FieldID(3): .bytes(Array(repeating: 7, count: 48))]),
                                      time: WallClock(milliseconds: 0)), stamp: dot)
                    try await connection.query(try ReplicaTable.saveSQL(StoredRecord(state: state, kind: .catalogBundle, territory: nil,
                                                                                      parent: nil, seq: dot.counter)), logger: logger)
                }
            }
            let after = try await PostgresStore.withStore(at: location, mode: .existing, keyFile: keyFile) { store in
                try await Self.signedBundle(of: company.laptop.id, in: store)
            }
            #expect(after.version > before.version, "the product is signed again under a new version")
            #expect(after.memberCount == before.memberCount)
            let state = try await PostgresStore.withStore(at: location, mode: .existing) { store in
                try await store.transaction("reading the bundle's state") { [logger = store.logger] connection in
                    try await ReplicaTable.load(connection, CatalogBundle.recordID(forProduct: company.laptop.id), logger: logger)
                }
            }
            #expect(try #require(state).view(policy: .updateWins).values[FieldID(3)] == nil,
                    "the new bundle's state drops the retired digests, so devices are not sent them again")
        }
    }

    /// The stored bundle of `product`, checked to be the newest version signed.
    static func signedBundle(of product: ProductID, in store: PostgresStore) async throws -> CatalogBundle {
        try await store.transaction("reading the bundle") { [logger = store.logger] connection in
            let state = try #require(try await ReplicaTable.load(connection, CatalogBundle.recordID(forProduct: product), logger: logger))
            let bundle = try CatalogBundle(recordID: state.id, fields: state.view(policy: .updateWins).values)
            let newest = try await connection.query("SELECT max(version) FROM catalog_bundle_version WHERE product_id = \(product.uuid)",
                                                    logger: logger).single(Int64.self)
            #expect(Int64(bundle.version) == newest)
            return bundle
        }
    }

    func hubRecord<R: ReplicatedRecord>(_ type: R.Type, _ id: RecordID, in store: PostgresStore) async throws -> HubRecord<R>? {
        try await store.transaction("reading hub state") { [logger = store.logger] connection in
            guard let state = try await ReplicaTable.load(connection, id, logger: logger) else { return nil }
            let seq = try await connection.query("SELECT seq FROM replica_record WHERE id = \(Data(id.bytes))", logger: logger)
                .single(Int64.self)
            let tableSeq = try await (R.self == Territory.self
                ? connection.query("SELECT change_seq FROM territory WHERE id = \(TerritoryID(id).uuid)", logger: logger)
                : connection.query(#"SELECT change_seq FROM "user" WHERE id = \#(UserID(id).uuid)"#, logger: logger)).single(Int64.self)
            return HubRecord(record: try R(recordID: id, fields: state.view(policy: .updateWins).values), seq: seq, tableSeq: tableSeq)
        }
    }
}
