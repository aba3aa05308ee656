public import Foundation
public import HubCore
public import OutpostModel
public import OutpostSQLite
public import OutpostStore

/// What the sync service needs of the server's storage: the hub's ledger, plus the
/// server's keys and enrolment. `SQLiteStore` is one; a second backend implements
/// the same.
public protocol SyncServerStore: SyncLedger {
    /// The server's key pair, created by `make` on first use.
    func serverKey(creating make: @escaping @Sendable () throws -> (publicKey: [UInt8], secretKey: [UInt8])) async throws(StoreError)
        -> (publicKey: [UInt8], secretKey: [UInt8])
    /// The public half of the catalog-signing key, created on first use.
    func catalogSigningPublicKey() async throws(StoreError) -> [UInt8]
    /// The unredeemed enrolment code stored under `hash`.
    func enrolmentCode(hash: String) async throws(StoreError) -> EnrolmentCode?
    /// Redeems the code and enrols a device with `publicKey`, in one transaction.
    func enrolDevice(codeHash: String, publicKey: [UInt8], label: String, now: Date) async throws(StoreError) -> EnrolledDevice
    /// All territories.
    func territories() async throws(StoreError) -> [Territory]
    /// The hub counter the current server epoch started from: the change sequence when
    /// the database was last restored from a backup (0 if never).
    func epochStartSequence() async throws(StoreError) -> UInt64
}

extension SQLiteStore: SyncServerStore {}
