import GRDB
import OutpostStore

/// The schema's history: named, append-only migrations.
///
/// Never edit or reorder a registered migration once it has shipped; add a new
/// one (`"v2-…"`) instead. `DatabaseMigrator` records the applied names in
/// `grdb_migrations`, so running the migrator again is a no-op.
enum Migrations {
    /// The migrator that brings any Outpost database to the current schema, for
    /// databases that hold no secret in clear (new ones) and for schema checks.
    static var migrator: DatabaseMigrator { migrator(sealingWith: nil) }

    /// The migrator that brings any Outpost database to the current schema, sealing the
    /// secrets an older Outpost kept in clear with `secrets`.
    static func migrator(sealingWith secrets: ServerSecrets?) -> DatabaseMigrator {
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
        migrator.registerMigration("v7-sealed-secrets") { db in
            for sql in Schema.v7SealedSecrets { try db.execute(sql: sql) }
            try ServerSecrets.sealClearSecrets(db, with: secrets)
            for sql in Schema.v7DropClearSecrets { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v8-api-tokens") { db in
            for sql in Schema.v8APITokens { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v9-device-retirement") { db in
            for sql in Schema.v9DeviceRetirement { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v10-server-epoch") { db in
            for sql in Schema.v10ServerEpoch { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v11-activity-due-time") { db in
            try db.execute(sql: "ALTER TABLE activity ADD COLUMN due_time TEXT")
        }
        migrator.registerMigration("v11-account-vat-website") { db in
            try db.execute(sql: "ALTER TABLE account ADD COLUMN vat_number TEXT")
            try db.execute(sql: "ALTER TABLE account ADD COLUMN website TEXT")
        }
        migrator.registerMigration("v11-device-names") { db in
            try DeviceNames.publishMissing(db)
        }
        // The identity of the write each outcome belongs to (a digest of its bytes), so a
        // device restored from an older copy of its replica never takes another write's outcome.
        migrator.registerMigration("v12-outcome-identity") { db in
            try db.execute(sql: "ALTER TABLE sync_outcome ADD COLUMN identity BLOB")
        }
        // The change sequence value a server epoch starts from: hub stamps above it from
        // before a restore are void, and devices re-send their writes stamped there.
        migrator.registerMigration("v12-epoch-start-sequence") { db in
            try db.execute(sql: "ALTER TABLE server_epoch ADD COLUMN start_sequence INTEGER NOT NULL DEFAULT 0")
        }
        // The record each record routes through, so a moved account's family is found by index.
        migrator.registerMigration("v13-record-parent") { db in
            try RecordParents.addColumn(db)
        }
        // Documents: the chunks each document names (content requests check scope by
        // them) and the bytes each device has uploaded (its quota).
        migrator.registerMigration("v20-documents") { db in
            for statement in Schema.v20Documents { try db.execute(sql: statement) }
        }
        migrator.registerMigration("v21-document-orphans") { db in
            try db.execute(sql: Schema.v21DocumentOrphans)
        }
        migrator.registerMigration("v22-document-upload-holds") { db in
            try db.execute(sql: Schema.v22DocumentUploadHolds)
        }
        // Catalog bundles carry one digest over their members instead of one per member:
        // every product signed before is signed again, so devices can check its catalog.
        migrator.registerMigration("v23-catalog-bundle-digest") { db in
            try CatalogSigning.resignEverySignedProduct(db, secrets: secrets)
        }
        return migrator
    }
}
