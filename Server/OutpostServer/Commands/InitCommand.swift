import ArgumentParser
import OutpostSQLite

/// `outpost-server init`: creates the database file and brings its schema up to date.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the server's SQLite database and its key file (or migrate an existing one).",
        discussion: "Example:\n  outpost-server init --db hq.sqlite"
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let path = try store.path()
        _ = try SQLiteStore(path: path)
        print("Database ready at \(path); its key file is \(ServerSecrets.keyFilePath(forDatabase: path)) "
              + "(mode 0600: it unlocks the server's secret keys; back up both files together)")
    }
}
