public import Foundation
import GRDB
public import OutpostStore
import SodiumKit

extension Schema {
    /// The server's epoch: a random number that changes when the database is restored
    /// from a backup, so devices can tell the server they synced with is not the one
    /// answering now (its counters and sequence went back in time).
    static let v10ServerEpoch: [String] = [
        """
        CREATE TABLE server_epoch (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            epoch INTEGER NOT NULL,
            started_at INTEGER NOT NULL
        ) STRICT
        """,
        "INSERT INTO server_epoch (id, epoch, started_at) VALUES (1, abs(random() % 9007199254740991) + 1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))",
    ]
}

extension SQLiteStore {
    /// Copies the whole database, as of one instant, to a new file at `destination`
    /// (mode 0600) while other connections keep reading and writing (SQLite's online
    /// backup), and the key file beside it to `destination.key`: the copy is useless
    /// without it. Refuses to overwrite an existing file.
    public func backup(to destination: String) async throws(StoreError) {
        guard let path else { throw StoreError(.invalid, "an in-memory database has no file to back up") }
        let keyDestination = ServerSecrets.keyFilePath(forDatabase: destination)
        for file in [destination, keyDestination] where FileManager.default.fileExists(atPath: file) {
            throw StoreError(.invalid, "\(file) exists already; choose a new backup name (a backup never overwrites a file)")
        }
        guard FileManager.default.createFile(atPath: destination, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw StoreError(.database, "cannot create \(destination); check the folder exists and is writable")
        }
        do {
            let copy = try DatabaseQueue(path: destination)
            try writer.backup(to: copy)
            try copy.close()
            try FileManager.default.copyItem(atPath: ServerSecrets.keyFilePath(forDatabase: path), toPath: keyDestination)
            PrivateFile.restrict([destination, keyDestination])
        } catch {
            try? FileManager.default.removeItem(atPath: destination)
            try? FileManager.default.removeItem(atPath: keyDestination)
            throw StoreError.from(error, doing: "backing up \(path) to \(destination)")
        }
    }

    /// The change sequence value the current epoch started from (0: never restored).
    public func epochStartSequence() async throws(StoreError) -> UInt64 {
        try await read("reading the server's epoch") { db in
            UInt64(clamping: try Int64.fetchOne(db, sql: "SELECT start_sequence FROM server_epoch WHERE id = 1") ?? 0)
        }
    }

    /// The server's current epoch (see `server_epoch`).
    public func serverEpoch() async throws(StoreError) -> Int64 {
        try await read("reading the server's epoch") { db in
            try Int64.fetchOne(db, sql: "SELECT epoch FROM server_epoch WHERE id = 1") ?? 0
        }
    }

    /// Starts a new server epoch, different from every earlier one with overwhelming
    /// likelihood (a random 53-bit number); `restore` does this to the restored file.
    ///
    /// In the same transaction every device's last accepted request counter jumps by
    /// `counterJump` (SPEC.md §2.5: 2³²), and the epoch records the change sequence it
    /// starts from. The restored server has forgotten the requests it processed after
    /// the backup and must never process one of them again (a replay of such a request
    /// would be answered under response nonces already used); each device's next
    /// request is answered with the counter to continue from and the epoch's start, so
    /// every device notices the restore at its next sync and re-sends what was lost.
    @discardableResult
    public func startNewEpoch(at date: Date = Date(), counterJump: UInt64) async throws(StoreError) -> Int64 {
        let epoch: Int64
        do {
            let random = try SecureRandom.bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            epoch = Int64(random & ((1 << 53) - 1)) + 1
        } catch {
            throw StoreError(.database, "could not draw a new epoch: \(error)")
        }
        try await write("starting a new server epoch") { db in
            try db.execute(sql: """
                UPDATE server_epoch SET epoch = ?, started_at = ?,
                    start_sequence = (SELECT value FROM change_sequence WHERE id = 1) WHERE id = 1
                """, arguments: [epoch, date.sqlMilliseconds])
            try db.execute(sql: "UPDATE sync_device SET last_counter = last_counter + ?", arguments: [Int64(clamping: counterJump)])
        }
        return epoch
    }
}
