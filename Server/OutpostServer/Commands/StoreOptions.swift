import ArgumentParser
import Foundation
import OutpostSQLite
import OutpostStore

/// The `--db` option every store command shares.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The server's SQLite file (or set OUTPOST_DB).", valueName: "file"))
    var db: String?

    /// The database path from `--db` or `OUTPOST_DB`.
    func path() throws -> String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["OUTPOST_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        throw CommandError("no database given: pass --db FILE or set OUTPOST_DB")
    }

    /// Opens the existing, migrated store.
    /// - Throws: when the file does not exist, so a typo never creates an empty database.
    func open() throws -> SQLiteStore {
        let path = try path()
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandError("no database at \(path); create one with: outpost-server init --db \(path)")
        }
        return try SQLiteStore(path: path)
    }
}

/// The `--json` flag of commands that print data.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of a table.")
    var json = false
}
