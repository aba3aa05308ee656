import GRDB

/// The schema's history: named, append-only migrations.
///
/// Never edit or reorder a registered migration once it has shipped; add a new
/// one (`"v2-…"`) instead. `DatabaseMigrator` records the applied names in
/// `grdb_migrations`, so running the migrator again is a no-op.
enum Migrations {
    /// The migrator that brings any Outpost database to the current schema.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-core") { db in
            for sql in Schema.v1Core { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v2-sync") { db in
            for sql in Schema.v2Sync { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v3-pricing") { db in
            for sql in Schema.v3Pricing { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v4-orders") { db in
            for sql in Schema.v4Orders { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v5-catalog-signing") { db in
            for sql in Schema.v5CatalogSigning { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v6-record-departure") { db in
            for sql in Schema.v6RecordDeparture { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v7-admin-user-disabled") { db in
            for sql in Schema.adminUserDisabled { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v7-lead-routing") { db in
            for sql in Schema.v7LeadRouting { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v8-webhooks") { db in
            for sql in Schema.v8Webhooks { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v9-escalations") { db in
            for sql in Schema.v9Escalations { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v7-console") { db in
            for sql in Schema.v7Console { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v7-quote-numbers") { db in
            for sql in Schema.v7QuoteNumbers { try db.execute(sql: sql) }
        }
        return migrator
    }
}
