import StoreTestSupport

@testable import OutpostServer

/// A suite that runs `outpost-server` subcommands in-process against `hq.sqlite` in its
/// own scratch folder.
protocol ServerCommandSuite {
    /// The suite's scratch folder, removed with the suite.
    var folder: ScratchFolder { get }
}

extension ServerCommandSuite {
    /// The database file the commands run against.
    var db: String { folder.path("hq.sqlite") }

    /// Runs `outpost-server` with `arguments` and `--db` naming ``db``.
    func run(_ arguments: [String]) async throws {
        try await OutpostServerCommand.run(arguments: arguments + ["--db", db])
    }
}
