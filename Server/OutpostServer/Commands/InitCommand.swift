import ArgumentParser
import OutpostPostgres
import OutpostSQLite
import OutpostStore

/// `outpost-server init`: creates the database and brings its schema up to date.
struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the server's database (a SQLite file and its key file, or the schema in a PostgreSQL database), or migrate an existing one.",
        discussion: """
            Examples:
              outpost-server init --db hq.sqlite
              outpost-server init --db postgres://outpost:secret@db.local:5432/outpost
            """
    )

    @OptionGroup var store: StoreOptions

    func run() async throws {
        switch try store.location() {
        case .sqlite(let path):
            _ = try SQLiteStore(path: path)
            print("Database ready at \(path); its key file is \(ServerSecrets.keyFilePath(forDatabase: path)) "
                  + "(mode 0600: it unlocks the server's secret keys; back up both files together)")
        case .postgres(let location):
            try await PostgresStore.withStore(at: location, mode: .create) { _ in }
            print("Database ready at \(location) (the Outpost schema is created and up to date)")
        }
    }
}
