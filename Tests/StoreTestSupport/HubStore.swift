public import Foundation
public import HubCore
public import OutpostModel
import OutpostPostgres
import OutpostSQLite
public import OutpostStore
import Testing

/// A backend's store as the hub and its admin use it: the directory, enrolment, and
/// the hub's ledger on the same database.
public protocol HubStore: RecordStore {
    /// The ledger type.
    associatedtype Ledger: SyncLedger
    /// The hub's ledger on this store's database.
    var hubLedger: Ledger { get }
    /// Stores an enrolment code.
    func addEnrolmentCode(_ code: EnrolmentCode) async throws(StoreError)
    /// Redeems the code and enrols a device.
    func enrolDevice(codeHash: String, publicKey: [UInt8], label: String, now: Date) async throws(StoreError) -> EnrolledDevice
}

extension SQLiteStore: HubStore {
    public var hubLedger: SQLiteStore { self }
}

extension PostgresStore: HubStore {
    public var hubLedger: PostgresLedger { ledger }
}

extension StoreBackend {
    /// Cancels the current test with ``postgresSkipMessage`` when this backend is
    /// PostgreSQL and no test server is given (call it before a property check, whose
    /// samples would otherwise count the cancellation as a failure).
    public func requireServer() throws {
        if self == .postgres, !Self.postgresIsGiven { try Test.cancel(Self.postgresSkipMessage) }
    }

    /// Runs `body` with a fresh, empty, migrated store of this backend on disk (SQLite:
    /// a file in a temporary folder; PostgreSQL: a new database), deleted afterwards.
    public func withHubStore<T: Sendable>(_ body: (any HubStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = try ScratchFolder("outpost-hub")
            defer { folder.remove() }
            return try await body(try SQLiteStore(path: folder.path("hub.sqlite")))
        case .postgres:
            return try await TestPostgres.withDatabase { location in
                try await PostgresStore.withStore(at: location, mode: .create, body)
            }
        }
    }

    /// Runs `body` with two stores of this backend on one fresh database, as two server
    /// instances see it (SQLite: two connections to one file).
    public func withTwoInstances<T: Sendable>(_ body: (any HubStore, any HubStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite:
            let folder = try ScratchFolder("outpost-hub")
            defer { folder.remove() }
            let path = folder.path("hub.sqlite")
            let first = try SQLiteStore(path: path)
            return try await body(first, try SQLiteStore(path: path))
        case .postgres:
            return try await TestPostgres.withDatabase { location in
                try await PostgresStore.withStore(at: location, mode: .create) { first in
                    try await PostgresStore.withStore(at: location, mode: .existing) { second in try await body(first, second) }
                }
            }
        }
    }
}

extension HubStore {
    /// Adds `user` and enrols a device for it with a fresh enrolment code, as an admin and
    /// the user's device do.
    public func enrolDevice(for user: User, publicKey: [UInt8] = [1], label: String = "phone") async throws -> EnrolledDevice {
        try await addUser(user)
        let hash = "code-\(user.id)"
        try await addEnrolmentCode(EnrolmentCode(codeHash: hash, userID: user.id, expiresAt: Date().addingTimeInterval(600)))
        return try await enrolDevice(codeHash: hash, publicKey: publicKey, label: label, now: Date())
    }
}
