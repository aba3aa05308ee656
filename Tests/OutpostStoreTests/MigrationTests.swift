import Foundation
import GRDB
import MergeEngine
import OutpostReplication
import OutpostModel
import OutpostStore
@testable import OutpostSQLite
import StoreTestSupport
import Testing

@Suite("Opening, migrating and reopening a database file")
struct MigrationTests {
    /// Writes `company` to a new `outpost.sqlite` in `folder` and closes it again, after
    /// `then` has added to the open store.
    private func seed(_ folder: ScratchFolder, with company: SampleCompany,
                      then: (SQLiteStore) async throws -> Void = { _ in }) async throws {
        let store = try SQLiteStore(path: folder.path("outpost.sqlite"))
        try await store.insert(company.batch)
        try await then(store)
    }

    @Test func dataPersistsAcrossReopening() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let company = try SampleCompany()
        try await seed(file, with: company) { try await $0.addDevice(Device(userID: company.ana.id, label: "d", enrolledAt: instant(1_000))) }
        let reopened = try SQLiteStore(path: file.path("outpost.sqlite"))
        #expect(try await reopened.accounts(in: nil) == [company.acme, company.globex])
        #expect(try await reopened.configuratorModel(of: company.laptop.id) == company.model)
        #expect(try await reopened.counts().devices == 1)
        let applied = try await reopened.writer.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(applied == Migrations.migrator.migrations, "reopening applies every migration once, none twice")
        #expect(applied.count == Set(applied).count)
    }

    @Test("A new database file and its WAL are readable by their owner alone: they hold the server's secret key")
    func ownerOnlyFileMode() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let store = try SQLiteStore(path: file.path("outpost.sqlite"))
        try await store.insert(SampleCompany().batch)
        for suffix in ["", "-wal"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path("outpost.sqlite") + suffix)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600, "mode of \(file.path("outpost.sqlite") + suffix)")
        }
    }

    @Test("A database from before record parents gains them from its stored states, so a moved account finds its family")
    func recordParentsAreFilledIn() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let company = try SampleCompany()
        try await seed(file, with: company)
        // The file as an Outpost without the migration left it.
        let queue = try DatabaseQueue(path: file.path("outpost.sqlite"))
        try await queue.write { db in
            try db.execute(sql: "DROP INDEX replica_record_by_parent")
            try db.execute(sql: "ALTER TABLE replica_record DROP COLUMN parent")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v13-record-parent'")
        }
        try queue.close()
        let reopened = try SQLiteStore(path: file.path("outpost.sqlite"))
        let parents = try await reopened.writer.read { db in
            try Row.fetchAll(db, sql: "SELECT id, parent FROM replica_record WHERE parent IS NOT NULL")
                .map { (row: Row) in ([UInt8](row[0] as Data), [UInt8](row[1] as Data)) }
        }
        let byID = Dictionary(uniqueKeysWithValues: parents)
        #expect(byID[RecordID(company.carla.id).bytes] == RecordID(company.carla.accountID).bytes)
        #expect(byID[RecordID(company.deal.id).bytes] == RecordID(company.deal.accountID).bytes)
        #expect(byID[RecordID(company.acme.id).bytes] == nil, "an account routes by territory, not by a parent")
    }

    @Test func migratorIsIdempotent() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let store = try SQLiteStore(path: file.path("outpost.sqlite"))
        try await store.insert(SampleCompany().batch)
        let before = try await store.counts()
        try Migrations.migrator.migrate(store.writer)
        try Migrations.migrator.migrate(store.writer)
        #expect(try await store.counts() == before)
        let completed = try await store.writer.read { db in try Migrations.migrator.hasCompletedMigrations(db) }
        #expect(completed)
    }

    @Test("A file store uses WAL with FULL syncs (acknowledged writes survive a power cut), foreign keys and a busy timeout")
    func fileStoreUsesWALForeignKeysAndABusyTimeout() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let store = try SQLiteStore(path: file.path("outpost.sqlite"))
        let (mode, synchronous, foreignKeys, timeout) = try await store.writer.write { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
             try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(mode == "wal")
        #expect(synchronous == 2, "PRAGMA synchronous should be FULL (2)")
        #expect(foreignKeys == true)
        #expect(timeout == Int(SQLiteStore.busyTimeout * 1000))
        #expect(store.path == file.path("outpost.sqlite"))
    }

    @Test func aDatabaseFromANewerVersionIsRefused() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        do {
            let store = try SQLiteStore(path: file.path("outpost.sqlite"))
            try await store.writer.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99-future')")
            }
        }
        let error = storeError { () throws(StoreError) in _ = try SQLiteStore(path: file.path("outpost.sqlite")) }
        #expect(error?.code == .database)
        #expect(error?.message.contains("newer Outpost") == true)
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        try Data(repeating: 0x42, count: 4096).write(to: URL(fileURLWithPath: file.path("outpost.sqlite")))
        let error = storeError { () throws(StoreError) in _ = try SQLiteStore(path: file.path("outpost.sqlite")) }
        #expect(error?.code == .database)
        #expect(error?.message.contains(file.path("outpost.sqlite")) == true)
    }

    @Test func anUnwritableDirectoryIsRefused() async throws {
        let error = storeError { () throws(StoreError) in
            _ = try SQLiteStore(path: "/nonexistent-outpost-dir/\(UUID())/hq.sqlite")
        }
        #expect(error?.code == .database)
    }

    @Test func everyTableHasTheForeignKeysItNeeds() async throws {
        let store = try SQLiteStore.temporary()
        let violations = try await store.writer.read { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count }
        #expect(violations == 0)
        let references = try await store.writer.read { db in
            var result: Set<String> = []
            for table in ["territory", "user_territory", "device", "enrolment_code", "account", "contact", "lead",
                          "opportunity", "activity", "product_option", "price_book_entry", "configurator_model",
                          "forecast_submission", "forecast_amount"] {
                for foreignKey in try db.foreignKeys(on: table) {
                    for (origin, _) in foreignKey.mapping { result.insert("\(table).\(origin) -> \(foreignKey.destinationTable)") }
                }
            }
            return result
        }
        #expect(references == [
            "territory.parent_id -> territory", "user_territory.user_id -> user", "user_territory.territory_id -> territory",
            "device.user_id -> user", "enrolment_code.user_id -> user", "account.territory_id -> territory",
            "contact.account_id -> account", "lead.territory_id -> territory", "lead.owner_id -> user", "opportunity.account_id -> account",
            "opportunity.owner_id -> user", "activity.account_id -> account", "activity.contact_id -> contact",
            "activity.opportunity_id -> opportunity", "activity.owner_id -> user", "product_option.product_id -> product",
            "price_book_entry.price_book_id -> price_book", "price_book_entry.product_id -> product",
            "configurator_model.product_id -> product", "forecast_submission.owner_id -> user",
            "forecast_submission.territory_id -> territory", "forecast_amount.submission_id -> forecast_submission",
        ])
    }
}
