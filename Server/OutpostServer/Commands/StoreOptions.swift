import ArgumentParser
import TerminalOutput
import Foundation
import OutpostPostgres
import OutpostSQLite
import OutpostModel
import OutpostStore

/// The `--db` option every store command shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The server's database: a SQLite file, or postgres://USER[:PASSWORD]@HOST:PORT/DBNAME (or set OUTPOST_DB).",
        valueName: "file|url"))
    var db: String?

    @Option(name: .customLong("key-file"), help: ArgumentHelp(
        "PostgreSQL: the key file that seals the server's secret keys, the same file on every instance (or set OUTPOST_SERVER_KEY_FILE); "
            + "a SQLite database keeps its own beside it.", valueName: "file"))
    var keyFile: String?

    /// The key file from `--key-file` or `OUTPOST_SERVER_KEY_FILE`, if either is given.
    var givenKeyFile: String? {
        if let keyFile { return keyFile }
        guard let fromEnvironment = ProcessInfo.processInfo.environment["OUTPOST_SERVER_KEY_FILE"], !fromEnvironment.isEmpty else { return nil }
        return fromEnvironment
    }

    /// The key file of a PostgreSQL database, from `--key-file` or `OUTPOST_SERVER_KEY_FILE`.
    /// - Throws: a ``CommandError`` saying how to give one when neither is set.
    func requiredKeyFile() throws -> String {
        if let givenKeyFile { return givenKeyFile }
        throw CommandError("a PostgreSQL database keeps the server's secret keys sealed under a key file: pass --key-file FILE "
            + "(or set OUTPOST_SERVER_KEY_FILE), the same file on every instance; init creates it")
    }

    /// The database from `--db` or `OUTPOST_DB`: a path means SQLite, a `postgres://` URL PostgreSQL.
    /// - Throws: a ``CommandError`` when neither is given or the URL is malformed.
    func location() throws -> DatabaseLocation {
        let text: String
        if let db {
            text = db
        } else if let fromEnvironment = ProcessInfo.processInfo.environment["OUTPOST_DB"], !fromEnvironment.isEmpty {
            text = fromEnvironment
        } else {
            throw CommandError("no database given: pass --db FILE (SQLite) or --db postgres://USER@HOST:PORT/DBNAME, or set OUTPOST_DB")
        }
        do {
            return try DatabaseLocation(parsing: text)
        } catch {
            throw CommandError(error.message)
        }
    }

    /// The SQLite file, for commands that run on SQLite only so far.
    /// - Throws: ``NotOnPostgres`` for a PostgreSQL database.
    func path() throws -> String {
        switch try location() {
        case .sqlite(let path): return path
        case .postgres: throw NotOnPostgres()
        }
    }

    /// Opens the existing, migrated SQLite store.
    /// - Throws: when the file does not exist, so a typo never creates an empty database;
    ///   ``NotOnPostgres`` for a PostgreSQL database.
    func open() throws -> SQLiteStore {
        let path = try path()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("no database at \(path); create one with: outpost-server init --db \(path)")
        }
        return try SQLiteStore(path: path)
    }

    /// Runs `body` with the directory (territories, users, devices) of either backend;
    /// a PostgreSQL database must have been created with `init`.
    func withDirectory<T: Sendable>(_ body: (any DirectoryStore) async throws -> T) async throws -> T {
        try await withStore(keyFile: { nil }) { try await body($0) }
    }

    /// Runs `body` with the records (CRM, catalog, forecasts) and directory of either
    /// backend; a PostgreSQL database must have been created with `init`, and writes that
    /// sign the catalog need its key file (``givenKeyFile``).
    func withRecords<T: Sendable>(_ body: (any RecordStore) async throws -> T) async throws -> T {
        try await withStore(keyFile: { givenKeyFile }) { try await body($0) }
    }

    /// Runs `body` with the directory and enrolment codes of either backend; PostgreSQL
    /// needs the key file (``requiredKeyFile()``).
    func withEnrolment<T: Sendable>(_ body: (any EnrolmentCodeStore) async throws -> T) async throws -> T {
        try await withStore(keyFile: requiredKeyFile) { try await body($0) }
    }

    /// The one path by which the commands above open either backend: the SQLite file, or
    /// the PostgreSQL database with the key file `keyFile` gives.
    private func withStore<T: Sendable>(keyFile: () throws -> String?,
                                        _ body: (any RecordStore & EnrolmentCodeStore) async throws -> T) async throws -> T {
        switch try location() {
        case .sqlite: return try await body(try open())
        case .postgres(let location):
            return try await PostgresStore.withStore(at: location, mode: .existing, keyFile: try keyFile()) { try await body($0) }
        }
    }
}



/// Thrown by a command that cannot run on PostgreSQL yet; ``OutpostServerCommand``
/// turns it into a one-line error naming the command.
struct NotOnPostgres: Error {}

/// The `--json` flag of commands that print data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of a table.")
    var json = false

    /// Prints the rows a list command found: with `--json` as a JSON array; else `empty`
    /// (when given) if there are none, or a table of `headers` with the `cells` of each row.
    /// - Parameters:
    ///   - rows: what the command lists, in the order to print.
    ///   - headers: the table's column titles.
    ///   - maxCellWidth: the widest a cell may be before it is cut (36 by default, as ``Output/table(_:_:maxCellWidth:)``).
    ///   - empty: what to say instead of an empty table, e.g. how to add the first row.
    ///   - cells: a row's cells, one per header.
    func print<Row: Encodable>(_ rows: [Row], headers: [String], maxCellWidth: Int = 36, empty: String? = nil,
                               cells: (Row) -> [String]) throws {
        try Output.list(rows, json: json, headers: headers, fit: .cells(maxCellWidth), empty: empty, cells: cells)
    }
}
