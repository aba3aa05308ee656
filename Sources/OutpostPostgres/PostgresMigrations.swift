import Logging
import OutpostStore
import PostgresNIO

/// The PostgreSQL schema's history: named, append-only migrations, recorded in
/// `outpost_migration`.
///
/// Never edit or reorder a registered migration once it has shipped; append a new one.
/// All pending migrations run in one transaction under an advisory lock, so several
/// server instances starting at once migrate once, and a failed migration leaves the
/// schema as it was (PostgreSQL's DDL is transactional).
enum PostgresMigrations {
    /// Every migration, in order: a name and its statements.
    static let all: [(name: String, statements: [String])] = [
        ("pg1-schema", PostgresSchema.directory + PostgresSchema.crm + PostgresSchema.catalogAndForecasts
            + PostgresSchema.sync + PostgresSchema.desk),
        ("pg2-activity-due-time-account-vat-website", [
            "ALTER TABLE activity ADD COLUMN due_time TEXT",
            "ALTER TABLE account ADD COLUMN vat_number TEXT",
            "ALTER TABLE account ADD COLUMN website TEXT",
        ]),
        // A SEQUENCE's value is not transactional: a read snapshot could not tell how far
        // the changes it sees reach. A one-row table (as on SQLite) is.
        ("pg3-change-sequence-row", [
            "ALTER SEQUENCE change_sequence RENAME TO change_sequence_retired",
            "CREATE TABLE change_sequence (id integer PRIMARY KEY CHECK (id = 1), value bigint NOT NULL CHECK (value >= 0))",
            """
            INSERT INTO change_sequence (id, value)
            SELECT 1, CASE WHEN is_called THEN last_value ELSE 0 END FROM change_sequence_retired
            """,
            "DROP SEQUENCE change_sequence_retired",
        ]),
        // The identity of the write each outcome belongs to, and the change sequence an epoch
        // starts from, as in SQLite's v12-outcome-identity and v12-epoch-start-sequence.
        ("pg4-outcome-identity-epoch-start", [
            "ALTER TABLE sync_outcome ADD COLUMN identity bytea",
            "ALTER TABLE server_epoch ADD COLUMN start_sequence bigint NOT NULL DEFAULT 0",
        ]),
        // The record each record routes through (SQLite's v13-record-parent), filled from the
        // domain tables that name it; a quote stored before it gains its parent when next written.
        ("pg5-record-parent", [
            "ALTER TABLE replica_record ADD COLUMN parent bytea CHECK (parent IS NULL OR length(parent) = 16)",
            "CREATE INDEX replica_record_by_parent ON replica_record(parent) WHERE parent IS NOT NULL",
            """
            UPDATE replica_record r SET parent = uuid_send(c.account_id)
            FROM (SELECT id, account_id FROM contact UNION ALL SELECT id, account_id FROM opportunity
                  UNION ALL SELECT id, account_id FROM activity) c
            WHERE r.id = uuid_send(c.id)
            """,
            "UPDATE replica_record r SET parent = uuid_send(o.quote_id) FROM sales_order o WHERE r.id = uuid_send(o.id)",
        ]),
        // Which document each stored chunk belongs to, and each device's uploaded bytes
        // (SQLite's v20-documents), so the schemas stay alike; this backend does not store
        // document content yet, and answers content requests as unavailable.
        ("pg6-documents", [
            """
            CREATE TABLE document_chunk (
                document bytea NOT NULL CHECK (length(document) = 16),
                chunk bytea NOT NULL CHECK (length(chunk) = 32),
                PRIMARY KEY (document, chunk)
            )
            """,
            "CREATE INDEX document_chunk_by_chunk ON document_chunk(chunk)",
            "CREATE TABLE document_upload (device bigint PRIMARY KEY, bytes bigint NOT NULL)",
        ]),
        // Document content on this backend, chunk by chunk under its BLAKE2b id (SQLite keeps
        // it in a folder beside the database); and the chunks a removed or replaced document
        // stopped naming, to delete once no live document names them (SQLite's v21-document-orphans).
        ("pg7-document-chunks", [
            """
            CREATE TABLE document_content (
                chunk bytea PRIMARY KEY CHECK (length(chunk) = 32),
                bytes bytea NOT NULL
            )
            """,
            "CREATE TABLE document_orphan (chunk bytea PRIMARY KEY CHECK (length(chunk) = 32))",
        ]),
        // The chunks each device uploaded, and when: content held since a collection's
        // cut-off is not deleted before its record arrives (SQLite's v22-document-upload-holds).
        ("pg8-document-upload-holds", [
            """
            CREATE TABLE document_upload_hold (
                chunk bytea NOT NULL CHECK (length(chunk) = 32),
                device bigint NOT NULL,
                held_at timestamptz NOT NULL,
                uploads bigint NOT NULL CHECK (uploads > 0),
                PRIMARY KEY (chunk, device)
            )
            """,
        ]),
        // Catalog bundles carry one digest over their members instead of one per member:
        // every product signed before is marked to be signed again by the first instance
        // that opens the database with its key file (SQLite's v23-catalog-bundle-digest).
        ("pg9-catalog-bundle-digest", [
            "CREATE TABLE catalog_resign (product_id uuid PRIMARY KEY)",
            "INSERT INTO catalog_resign SELECT DISTINCT product_id FROM catalog_bundle_version",
        ]),
    ]

    /// The advisory lock key migrations hold (any constant other Outpost locks do not use).
    static let lockKey: Int64 = 0x4f75_7470_6f73_7401

    /// What the database holds, as far as migrations are concerned.
    enum State: Equatable {
        /// No Outpost schema: `init` has not run.
        case empty
        /// Migrated by this build or an older one; the names not yet applied.
        case current(pending: [String])
        /// Migrated by a newer Outpost: names this build does not know.
        case newer(unknown: [String])
    }

    /// Creates the migrations table if needed and applies every pending migration.
    /// - Throws: `.database` when the database was migrated by a newer Outpost.
    static func migrate(_ connection: PostgresConnection, logger: Logger, describedAs name: String) async throws {
        try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
        try await connection.query("""
            CREATE TABLE IF NOT EXISTS outpost_migration (
                name text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            )
            """, logger: logger)
        switch try await state(connection, logger: logger) {
        case .empty, .current(pending: []): return
        case .newer(let unknown):
            throw newerOutpost(name, unknown)
        case .current(let pending):
            for migration in all where pending.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO outpost_migration (name) VALUES (\(migration.name))", logger: logger)
            }
        }
    }

    /// Which migrations the database has and lacks.
    static func state(_ connection: PostgresConnection, logger: Logger) async throws -> State {
        let exists = try await connection.query("SELECT to_regclass('outpost_migration') IS NOT NULL", logger: logger)
            .decode(Bool.self).first { _ in true } ?? false
        guard exists else { return .empty }
        var applied: [String] = []
        for try await name in try await connection.query("SELECT name FROM outpost_migration", logger: logger).decode(String.self) {
            applied.append(name)
        }
        let known = Set(all.map(\.name))
        let unknown = applied.filter { !known.contains($0) }.sorted()
        if !unknown.isEmpty { return .newer(unknown: unknown) }
        if applied.isEmpty { return .current(pending: all.map(\.name)) }
        return .current(pending: all.map(\.name).filter { !applied.contains($0) })
    }

    static func newerOutpost(_ name: String, _ unknown: [String]) -> StoreError {
        StoreError(.database, "\(name) was written by a newer Outpost (it has schema migrations this build does not know: "
            + "\(unknown.joined(separator: ", "))); upgrade outpost-server")
    }
}
