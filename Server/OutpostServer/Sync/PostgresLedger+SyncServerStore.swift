public import Foundation
public import HubCore
public import OutpostModel
public import OutpostPostgres
public import OutpostStore

/// The sync service on PostgreSQL: the hub's ledger, with the server's keys and
/// enrolment from the same database.
extension PostgresLedger: SyncServerStore {
    public func serverKey(creating make: @escaping @Sendable () throws -> (publicKey: [UInt8], secretKey: [UInt8])) async throws(StoreError)
        -> (publicKey: [UInt8], secretKey: [UInt8]) {
        try await store.serverKey(creating: make)
    }

    public func catalogSigningPublicKey() async throws(StoreError) -> [UInt8] { try await store.catalogSigningPublicKey() }

    public func enrolmentCode(hash: String) async throws(StoreError) -> EnrolmentCode? { try await store.enrolmentCode(hash: hash) }

    public func enrolDevice(codeHash: String, publicKey: [UInt8], label: String, now: Date) async throws(StoreError) -> EnrolledDevice {
        try await store.enrolDevice(codeHash: codeHash, publicKey: publicKey, label: label, now: now)
    }

    public func territories() async throws(StoreError) -> [Territory] { try await store.territories() }
}
