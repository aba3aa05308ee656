import OutpostStore
import ArgumentParser
import Foundation
import Glibc
import OutpostSQLite

/// `outpost-server restore --from FILE`: puts a backup in place of the database, with a new server epoch.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database and its key file with a backup; refused while a server runs on it.",
        discussion: """
            The restored database starts a new server epoch, so devices can tell it went back in time.
            Stop the server first. Example:
              outpost-server restore --db hq.sqlite --from /backups/hq-2026-12-06.sqlite
            """
    )

    @OptionGroup var store: StoreOptions
    @Option(name: .customLong("from"), help: ArgumentHelp("The backup file (made by outpost-server backup).", valueName: "file"))
    var backup: String

    func run() async throws {
        let path = try store.path()
        let backupKey = ServerSecrets.keyFilePath(forDatabase: backup)
        guard FileManager.default.fileExists(atPath: backup) else { throw CommandError("no backup at \(backup)") }
        guard FileManager.default.fileExists(atPath: backupKey) else {
            throw CommandError("the backup's key file \(backupKey) is missing; a backup is restored with the key file made beside it")
        }
        let lock = try ServingLock.restoring(path)
        // Copied beside the database first, then renamed into place (atomic), the old
        // log removed; a failed copy leaves the current database as it was.
        let staging = path + ".restoring"
        let stagingKey = ServerSecrets.keyFilePath(forDatabase: staging)
        let manager = FileManager.default
        for file in [staging, stagingKey] where manager.fileExists(atPath: file) { try manager.removeItem(atPath: file) }
        try manager.copyItem(atPath: backup, toPath: staging)
        try manager.copyItem(atPath: backupKey, toPath: stagingKey)
        for file in [staging, stagingKey] { try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file) }
        for file in [path + "-wal", path + "-shm"] where manager.fileExists(atPath: file) { try manager.removeItem(atPath: file) }
        for (from, to) in [(staging, path), (stagingKey, ServerSecrets.keyFilePath(forDatabase: path))] {
            guard rename(from, to) == 0 else {
                throw CommandError("cannot move \(from) to \(to): \(String(cString: strerror(errno)))")
            }
        }
        let epoch = try await SQLiteStore(path: path).startNewEpoch()
        withExtendedLifetime(lock) {}
        print("Restored \(path) from \(backup); server epoch \(epoch) begins. Start the server again: devices that synced "
              + "since the backup hold changes it lacks.")
    }
}
