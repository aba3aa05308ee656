import Foundation
import OutpostStore
import StoreTestSupport
import Testing

/// A fresh PostgreSQL database initialised with `outpost-server init`, and the scratch
/// folder that holds its server's key file: what every end-to-end test of a server on
/// PostgreSQL starts from.
///
/// ```swift
/// try await PostgresServerSetup.with(folder: "outpost-pg-demo") { setup in
///     try await PostgresServerSetup.server(["demo", "--scale", "small"] + setup.admin)
/// }
/// ```
struct PostgresServerSetup: Sendable {
    /// The database.
    let location: PostgresLocation
    /// The scratch folder: the key file, and whatever else the test keeps.
    let folder: ScratchFolder

    /// The database's URL, for `--db` and `ServerProcess.start(database:)`.
    var database: String { TestPostgres.url(of: location) }
    /// The server's key file.
    var key: String { folder.path("server.key") }
    /// `--db` and `--key-file`, for admin commands.
    var admin: [String] { ["--db", database, "--key-file", key] }

    /// Creates the database and a folder named `folder`, runs `outpost-server init` on
    /// them, runs `body`, then drops both.
    static func with(folder name: String, _ body: (PostgresServerSetup) async throws -> Void) async throws {
        try await TestPostgres.withDatabase { location in
            let folder = try ScratchFolder(name)
            defer { folder.remove() }
            let setup = PostgresServerSetup(location: location, folder: folder)
            try await server(["init"] + setup.admin)
            try await body(setup)
        }
    }

    /// Runs `outpost-server` with `arguments`, requires it to succeed, and returns what it printed.
    @discardableResult
    static func server(_ arguments: [String]) async throws -> String {
        let run = try await ToolRun.run("outpost-server", arguments)
        try #require(run.status == 0, "outpost-server \(arguments.prefix(3).joined(separator: " ")) failed: \(run.errors)")
        return run.output
    }
}
