import OutpostStore
import ArgumentParser
import Foundation
import OutpostSQLite

/// `outpost-server backup --to FILE`: an online, consistent copy of the database and its key file.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database, as of one instant, and its key file, while the server keeps running.",
        discussion: """
            Writes FILE and FILE.key (both mode 0600); the copy is useless without its key file, so keep
            them together. Restore with: outpost-server restore --db hq.sqlite --from FILE
            Example:
              outpost-server backup --db hq.sqlite --to /backups/hq-2026-12-06.sqlite
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("to"), help: ArgumentHelp("The backup file to write (it must not exist).", valueName: "file"))
    var destination: String

    func run() async throws {
        let database = try store.open()
        try await database.backup(to: destination)
        print("Backed up \(try store.path()) to \(destination) and its key file to \(ServerSecrets.keyFilePath(forDatabase: destination)); "
              + "keep both together")
    }
}
