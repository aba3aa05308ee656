public import Foundation
public import OutpostModel

/// The server's durable state, behind a protocol so that a second backend
/// (PostgreSQL, for several stateless server instances) can implement it.
///
/// Every method is one transaction. Writes validate references and invariants
/// and throw `StoreError` without changing anything when one fails. The directory
/// (territories, users, devices, ``DirectoryStore``) and the records (``RecordStore``)
/// are protocols of their own, which the PostgreSQL backend implements so far.
public protocol OutpostStore: RecordStore, OrderFeedStore {
    // MARK: Enrolment

    /// Stores a new enrolment code (its hash only).
    func addEnrolmentCode(_ code: EnrolmentCode) async throws(StoreError)

    /// Marks the code with this hash used and returns it, in one transaction.
    /// - Throws: `.enrolmentRefused` when it is unknown, already used, or expired at `now`.
    func redeemEnrolmentCode(hash: String, now: Date) async throws(StoreError) -> EnrolmentCode

    // MARK: Orders

    /// Every order in its current state, by number.
    func orders() async throws(StoreError) -> [OrderEvent]
}

extension RecordStore {
    /// Adds a territory through ``insert(_:)``, with its hub state and change sequence value.
    public func addTerritory(_ territory: Territory) async throws(StoreError) {
        var batch = RecordBatch()
        batch.territories = [territory]
        try await insert(batch)
    }

    /// Adds a user through ``insert(_:)``, with its hub state and change sequence value.
    public func addUser(_ user: User) async throws(StoreError) {
        var batch = RecordBatch()
        batch.users = [user]
        try await insert(batch)
    }
}
