public import Foundation
import GRDB
public import MergeEngine
import OutpostProtocol
public import OutpostReplication

/// A device's replica: one SQLite file in the replica folder holding the last hub
/// state of every record in scope, the device's pending writes and refused writes,
/// and its identity and sync cursor. Every change is one transaction, so a crash at
/// any point leaves the replica as it was before or after, never in between.
public final class Replica: Sendable {
    /// The replica folder.
    public let folder: URL
    let database: DatabaseQueue

    /// The replica file's name inside the folder.
    static let fileName = "replica.sqlite"

    private init(folder: URL, database: DatabaseQueue) {
        self.folder = folder
        self.database = database
    }

    /// Opens the enrolled replica in `folder`.
    /// - Throws: `.notEnrolled` if there is none.
    public static func open(_ folder: URL) throws(ReplicaError) -> Replica {
        let file = folder.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw ReplicaError(.notEnrolled, "no replica in \(folder.path); enrol this device first: outpost enrol --server URL --code CODE")
        }
        let replica = try connect(folder)
        guard (try? replica.identity()) != nil else {
            throw ReplicaError(.notEnrolled, "the replica in \(folder.path) was never enrolled; remove it and run outpost enrol")
        }
        return replica
    }

    /// Creates the replica of a newly enrolled device (file mode 0600 in a 0700 folder).
    static func create(_ folder: URL, identity: DeviceIdentity) throws(ReplicaError) -> Replica {
        let file = folder.appendingPathComponent(fileName)
        guard !FileManager.default.fileExists(atPath: file.path) else {
            throw ReplicaError(.alreadyEnrolled, "\(folder.path) already holds a replica; use another --replica folder")
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        } catch {
            throw ReplicaError(.invalid, "cannot create \(file.path): \(error.localizedDescription)")
        }
        let replica = try connect(folder)
        try replica.write { db in try identity.insert(db) }
        return replica
    }

    private static func connect(_ folder: URL) throws(ReplicaError) -> Replica {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            let queue = try DatabaseQueue(path: folder.appendingPathComponent(fileName).path, configuration: configuration)
            try ReplicaSchema.migrator.migrate(queue)
            return Replica(folder: folder, database: queue)
        } catch {
            throw ReplicaError(.corrupt, "cannot open the replica in \(folder.path): \(error)")
        }
    }

    // MARK: Transactions

    func write<T>(_ body: (Database) throws -> T) throws(ReplicaError) -> T {
        do { return try database.write(body) } catch let error as ReplicaError { throw error } catch {
            throw ReplicaError(.corrupt, "the replica could not be updated: \(error)")
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(ReplicaError) -> T {
        do { return try database.read(body) } catch let error as ReplicaError { throw error } catch {
            throw ReplicaError(.corrupt, "the replica could not be read: \(error)")
        }
    }

    /// This device's identity and cursor.
    public func identity() throws(ReplicaError) -> DeviceIdentity {
        try read { db in
            guard let identity = try DeviceIdentity.fetch(db) else {
                throw ReplicaError(.notEnrolled, "this replica has no identity; enrol the device again")
            }
            return identity
        }
    }

    /// Deletes the replica and its keys (a revoked device is told to do this).
    public func wipe() throws(ReplicaError) {
        try? database.close()
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(Self.fileName + suffix))
        }
    }
}
