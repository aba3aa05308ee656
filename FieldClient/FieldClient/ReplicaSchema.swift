import Foundation
import GRDB

/// The replica file's schema: append-only named migrations, as on the server.
///
/// Sensitive columns hold sealed values (``ReplicaCipher``: nonce, ciphertext, tag,
/// bound to their row by ``SealBinding``): record states (each in its row, or with others
/// in a ``StateGroup`` whose members name their rows), pending and refused writes,
/// refusal messages, and the identity's secret key, user name, role and territories.
/// Ids, kinds, routing territories and parents (random UUIDs and small numbers),
/// a conflict flag, counters, public keys and the server's address stay in clear for
/// lookups; the identity's clear fields are authenticated by its `seal` column.
enum ReplicaSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v2-encrypted-replica") { db in
            for sql in v2 { try db.execute(sql: sql) }
        }
        migrator.registerMigration("v3-feed-cursor") { db in
            // How far a live feed (`outpost orders list --watch`) has printed, by feed name.
            try db.execute(sql: "CREATE TABLE feed_cursor (name TEXT NOT NULL PRIMARY KEY, position INTEGER NOT NULL) STRICT")
        }
        migrator.registerMigration("v4-catalog-signing-key") { db in
            // The server's Ed25519 catalog-signing public key (clear, like its X25519 key).
            try db.execute(sql: "ALTER TABLE identity ADD COLUMN server_signing_key BLOB")
        }
        migrator.registerMigration("v5-identity-seal") { db in
            // The seal over every clear field of the identity (an empty plaintext bound to
            // them, see `DeviceIdentity`); a row without one is refused as altered.
            try db.execute(sql: "ALTER TABLE identity ADD COLUMN seal BLOB")
        }
        migrator.registerMigration("v6-rejected-record") { db in
            // The record a refused write was made to, as the device saw it (sealed), so the
            // refusal keeps its name and values after the record leaves the replica.
            try db.execute(sql: "ALTER TABLE rejected ADD COLUMN record_state BLOB")
            // The last hub state of evicted records that still have pending writes (the
            // `record` row as it was, seal included), until those writes are settled.
            try db.execute(sql: """
                CREATE TABLE departed (
                    id BLOB NOT NULL PRIMARY KEY,
                    kind INTEGER NOT NULL,
                    state BLOB NOT NULL,
                    territory BLOB,
                    parent BLOB
                ) STRICT
                """)
        }
        migrator.registerMigration("v7-forecast-summary") { db in
            // What a forecast reads of an account or opportunity, sealed (`ForecastSummary`);
            // NULL in rows written before, whose state the forecast opens instead.
            try db.execute(sql: "ALTER TABLE record ADD COLUMN summary BLOB")
            // A blind index of a live opportunity's close quarter (`ForecastSummary.periodIndex`),
            // so a forecast reads only the opportunities of its quarter.
            try db.execute(sql: "ALTER TABLE record ADD COLUMN period BLOB")
            try db.execute(sql: "CREATE INDEX record_by_period ON record(period) WHERE period IS NOT NULL")
            // Accounts and opportunities stored without a summary (before this migration).
            try db.execute(sql: "CREATE INDEX record_unsummarised ON record(kind) WHERE summary IS NULL AND kind IN (3, 6)")
        }
        migrator.registerMigration("v8-documents") { db in
            // Document content, chunk by chunk, sealed; rows are found by a keyed BLAKE2b of
            // the chunk's id, so the file does not reveal which known content it holds.
            try db.execute(sql: "CREATE TABLE content_chunk (key BLOB NOT NULL PRIMARY KEY, sealed BLOB NOT NULL) STRICT")
            // The documents this device chose to keep (`outpost docs pin`).
            try db.execute(sql: "CREATE TABLE document_pin (document BLOB NOT NULL PRIMARY KEY) STRICT")
            // Documents added on this device whose content is not uploaded yet: the record
            // (sealed) becomes a pending write once the server holds every chunk; a refusal
            // of the upload (sealed) stays visible in `outpost docs status`.
            try db.execute(sql: "CREATE TABLE document_staged (document BLOB NOT NULL PRIMARY KEY, record BLOB NOT NULL, refusal BLOB) STRICT")
        }
        migrator.registerMigration("v9-forecast-totals") { db in
            // Per quarter (its blind index, as `record.period`): the quarter and its forecast
            // total (`ForecastTotal`), both sealed. A total is NULL while stale: a trigger
            // below clears it whenever an opportunity it may count, or the account of one,
            // is stored or removed, and the next sync or forecast computes it again.
            try db.execute(sql: "CREATE TABLE forecast_total (period BLOB NOT NULL PRIMARY KEY, quarter BLOB NOT NULL, total BLOB) STRICT")
            // An opportunity's quarters, old and new; a row without a summary may close in any.
            let stale = "UPDATE forecast_total SET total = NULL WHERE total IS NOT NULL"
            try db.execute(sql: """
                CREATE TRIGGER forecast_total_opportunity_insert AFTER INSERT ON record WHEN NEW.kind = 6 BEGIN
                    \(stale) AND (period IS NEW.period OR NEW.summary IS NULL);
                END;
                CREATE TRIGGER forecast_total_opportunity_update AFTER UPDATE ON record WHEN NEW.kind = 6 OR OLD.kind = 6 BEGIN
                    \(stale) AND (period IS OLD.period OR period IS NEW.period OR OLD.summary IS NULL OR NEW.summary IS NULL);
                END;
                CREATE TRIGGER forecast_total_opportunity_delete AFTER DELETE ON record WHEN OLD.kind = 6 BEGIN
                    \(stale) AND (period IS OLD.period OR OLD.summary IS NULL);
                END;
                """)
            // An account's: the quarters of the opportunities filed under it (or any, if one has
            // no summary). A row's id never changes, so an update's NEW.id is its OLD.id.
            let accountStale = { (row: String) in
                "\(stale) AND (period IN (SELECT period FROM record WHERE parent = \(row).id AND kind = 6) "
                    + "OR EXISTS (SELECT 1 FROM record WHERE parent = \(row).id AND kind = 6 AND summary IS NULL));"
            }
            try db.execute(sql: """
                CREATE TRIGGER forecast_total_account_insert AFTER INSERT ON record WHEN NEW.kind = 3 BEGIN \(accountStale("NEW")) END;
                CREATE TRIGGER forecast_total_account_update AFTER UPDATE ON record WHEN NEW.kind = 3 OR OLD.kind = 3 BEGIN
                    \(accountStale("NEW"))
                END;
                CREATE TRIGGER forecast_total_account_delete AFTER DELETE ON record WHEN OLD.kind = 3 BEGIN \(accountStale("OLD")) END;
                """)
        }
        migrator.registerMigration("v10-configurator-root") { db in
            // Per product with a rule model: what its rules alone force and exclude, with
            // each explanation (`ConfiguratorRoot`, sealed), and the digest of the signed
            // catalog bundle it was computed from; a different digest marks it stale.
            try db.execute(sql: "CREATE TABLE configurator_root (product BLOB NOT NULL PRIMARY KEY, bundle BLOB NOT NULL, root BLOB NOT NULL) STRICT")
        }
        migrator.registerMigration("v11-state-groups") { db in
            // Record states kept together, compressed and sealed as one value
            // (`StateGroup`); a row naming a group keeps an empty `state`.
            try db.execute(sql: "CREATE TABLE state_group (id INTEGER PRIMARY KEY, sealed BLOB NOT NULL) STRICT")
            try db.execute(sql: "ALTER TABLE record ADD COLUMN state_group INTEGER")
        }
        migrator.registerMigration("v12-partial-indexes") { db in
            // Most records are filed under a parent, not a territory: the index by territory
            // holds only the rows that have one (a ninth of them in the large demo's World),
            // and the index by parent leaves out the rows filed under a territory. Every
            // lookup by either names a value, which the partial index serves.
            try db.execute(sql: "DROP INDEX record_by_territory")
            try db.execute(sql: "CREATE INDEX record_by_territory ON record(territory) WHERE territory IS NOT NULL")
            try db.execute(sql: "DROP INDEX IF EXISTS record_by_parent")
            try db.execute(sql: ParentIndex.definition)
        }
        migrator.registerMigration("v13-kind-index") { db in
            // The index by kind leaves out contacts and activities (``KindIndex``).
            try db.execute(sql: "DROP INDEX record_by_kind")
            try db.execute(sql: KindIndex.definition)
        }
        return migrator
    }

    /// Whether `db` was made by an outpost before encryption at rest (its `identity`
    /// table has no `keyslot` beside it); such a replica cannot be opened.
    static func isUnencrypted(_ db: Database) throws -> Bool {
        try db.tableExists("identity") && !db.tableExists("keyslot")
    }

    static let v2: [String] = [
        // The replica key, wrapped by a key derived from the passphrase or key file.
        """
        CREATE TABLE keyslot (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            method TEXT NOT NULL,
            salt BLOB NOT NULL,
            opslimit INTEGER NOT NULL,
            memlimit INTEGER NOT NULL,
            wrapped BLOB NOT NULL
        ) STRICT
        """,
        // Who this device is, whom it syncs with, and how far it has got.
        """
        CREATE TABLE identity (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            device_number INTEGER NOT NULL,
            public_key BLOB NOT NULL,
            secret_key BLOB NOT NULL,
            server_public_key BLOB NOT NULL,
            server_url TEXT NOT NULL,
            sync_endpoint TEXT NOT NULL,
            user_name BLOB NOT NULL,
            role BLOB NOT NULL,
            territories BLOB NOT NULL,
            request_counter INTEGER NOT NULL DEFAULT 0,
            write_counter INTEGER NOT NULL DEFAULT 0,
            watermark INTEGER NOT NULL DEFAULT 0,
            scope_version INTEGER NOT NULL DEFAULT 0,
            backfill_target INTEGER,
            backfill_position INTEGER,
            last_sync_at INTEGER
        ) STRICT
        """,
        // The last hub state of each record in scope (sealed), with its routing.
        """
        CREATE TABLE record (
            id BLOB NOT NULL PRIMARY KEY,
            kind INTEGER NOT NULL,
            state BLOB NOT NULL,
            territory BLOB,
            parent BLOB,
            -- Whether the state holds a conflict, so `outpost conflicts list` reads only those.
            conflicted INTEGER NOT NULL DEFAULT 0
        ) STRICT
        """,
        "CREATE INDEX record_by_kind ON record(kind)",
        "CREATE INDEX record_conflicted ON record(conflicted) WHERE conflicted = 1",
        "CREATE INDEX record_by_territory ON record(territory)",
        "CREATE INDEX record_by_parent ON record(parent)",
        // Writes made here and not yet processed by the server, oldest first (sealed).
        """
        CREATE TABLE pending (
            counter INTEGER NOT NULL PRIMARY KEY,
            record BLOB NOT NULL,
            write BLOB NOT NULL
        ) STRICT
        """,
        "CREATE INDEX pending_by_record ON pending(record)",
        // Writes the server refused, with its reason (both sealed): kept for the rep to see.
        """
        CREATE TABLE rejected (
            counter INTEGER NOT NULL PRIMARY KEY,
            record BLOB NOT NULL,
            kind INTEGER NOT NULL,
            write BLOB NOT NULL,
            code INTEGER NOT NULL,
            message BLOB NOT NULL,
            rejected_at INTEGER NOT NULL
        ) STRICT
        """,
    ]
}
