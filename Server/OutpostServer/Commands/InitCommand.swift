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
              outpost-server init --key-file outpost.key \\
                --db postgres://outpost:secret@db.local:5432/outpost
            On PostgreSQL, --key-file (or OUTPOST_SERVER_KEY_FILE) names the key file that seals the
            server's secret keys (serve and device enrol need it); it is created if missing.
            Copy it to every instance.
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
            guard let keyFile = store.givenKeyFile else {
                try await PostgresStore.withStore(at: location, mode: .create) { _ in }
                print("Database ready at \(location) (the Outpost schema is created and up to date); before serve or device enrol, "
                      + "create its key file with: outpost-server init --db \(location) --key-file FILE")
                return
            }
            try await PostgresStore.withStore(at: location, mode: .create, keyFile: keyFile) { _ in }
            print("Database ready at \(location) (the Outpost schema is created and up to date); its key file is \(keyFile) "
                  + "(mode 0600: it unlocks the server's secret keys; copy it to every instance and back it up with pg_dump's output)")
        }
    }
}
