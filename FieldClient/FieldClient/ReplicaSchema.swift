import Foundation
import GRDB
import MergeEngine

/// The replica file's schema: append-only named migrations, as on the server.
enum ReplicaSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-replica") { db in
            for sql in v1 { try db.execute(sql: sql) }
        }
        // Which records hold a conflict, so `outpost conflicts list` reads only those.
        migrator.registerMigration("v2-conflicted") { db in
            try db.execute(sql: "ALTER TABLE record ADD COLUMN conflicted INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "CREATE INDEX record_conflicted ON record(conflicted) WHERE conflicted = 1")
            let rows = try Row.fetchAll(db, sql: "SELECT id, state FROM record")
            for row in rows {
                let id = try RecordID(bytes: [UInt8](row[0] as Data))
                if try Replica.decodeState(row[1], id).view(policy: .updateWins).hasConflicts {
                    try db.execute(sql: "UPDATE record SET conflicted = 1 WHERE id = ?", arguments: [row[0] as Data])
                }
            }
        }
        return migrator
    }

    static let v1: [String] = [
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
            user_name TEXT NOT NULL,
            role TEXT NOT NULL,
            territories TEXT NOT NULL,
            request_counter INTEGER NOT NULL DEFAULT 0,
            write_counter INTEGER NOT NULL DEFAULT 0,
            watermark INTEGER NOT NULL DEFAULT 0,
            scope_version INTEGER NOT NULL DEFAULT 0,
            backfill_target INTEGER,
            backfill_position INTEGER,
            last_sync_at INTEGER
        ) STRICT
        """,
        // The last hub state of each record in scope, with its routing.
        """
        CREATE TABLE record (
            id BLOB NOT NULL PRIMARY KEY,
            kind INTEGER NOT NULL,
            state BLOB NOT NULL,
            territory BLOB,
            parent BLOB
        ) STRICT
        """,
        "CREATE INDEX record_by_kind ON record(kind)",
        "CREATE INDEX record_by_territory ON record(territory)",
        "CREATE INDEX record_by_parent ON record(parent)",
        // Writes made here and not yet processed by the server, oldest first.
        """
        CREATE TABLE pending (
            counter INTEGER NOT NULL PRIMARY KEY,
            record BLOB NOT NULL,
            write BLOB NOT NULL
        ) STRICT
        """,
        "CREATE INDEX pending_by_record ON pending(record)",
        // Writes the server refused, with its reason: kept for the rep to see.
        """
        CREATE TABLE rejected (
            counter INTEGER NOT NULL PRIMARY KEY,
            record BLOB NOT NULL,
            kind INTEGER NOT NULL,
            write BLOB NOT NULL,
            code INTEGER NOT NULL,
            message TEXT NOT NULL,
            rejected_at INTEGER NOT NULL
        ) STRICT
        """,
    ]
}
