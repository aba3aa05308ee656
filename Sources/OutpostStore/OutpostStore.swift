public import Foundation
public import OutpostModel

/// The server's durable state, behind a protocol so that a second backend
/// (PostgreSQL, for several stateless server instances) can implement it.
///
/// Every method is one transaction. Writes validate references and invariants
/// and throw `StoreError` without changing anything when one fails. The directory
/// (territories, users, devices) is its own protocol, ``DirectoryStore``, which the
/// PostgreSQL backend implements so far.
public protocol OutpostStore: DirectoryStore {
    // MARK: Bulk

    /// Inserts every record of the batch in one transaction, or none of them.
    func insert(_ batch: RecordBatch) async throws(StoreError)

    /// How many records of each kind the store holds.
    func counts() async throws(StoreError) -> RecordCounts

    // MARK: Enrolment

    /// Stores a new enrolment code (its hash only).
    func addEnrolmentCode(_ code: EnrolmentCode) async throws(StoreError)

    /// Marks the code with this hash used and returns it, in one transaction.
    /// - Throws: `.enrolmentRefused` when it is unknown, already used, or expired at `now`.
    func redeemEnrolmentCode(hash: String, now: Date) async throws(StoreError) -> EnrolmentCode

    // MARK: CRM records

    /// Accounts, optionally only those in the given territories, by name.
    func accounts(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Account]

    /// Contacts, optionally only those of the given accounts, by last and first name.
    func contacts(of accounts: Set<AccountID>?) async throws(StoreError) -> [Contact]

    /// Opportunities, optionally only those of the given accounts, by close date.
    func opportunities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Opportunity]

    // MARK: Forecasts

    /// Every forecast submission with its amounts, by period.
    func forecastSubmissions() async throws(StoreError) -> [ForecastSubmission]

    /// Every managers' forecast adjustment (events; none is ever overwritten).
    func forecastAdjustments() async throws(StoreError) -> [ForecastAdjustment]

    /// Every quota.
    func quotas() async throws(StoreError) -> [Quota]

    // MARK: Catalog

    /// All products with their options, by SKU.
    func products() async throws(StoreError) -> [Product]

    /// The options of one product, by code.
    func productOptions(of product: ProductID) async throws(StoreError) -> [ProductOption]

    /// The propositional rule model of a product, if one was imported.
    func configuratorModel(of product: ProductID) async throws(StoreError) -> ConfiguratorModel?

    // MARK: Orders

    /// Up to `limit` order state changes after `cursor`, in feed order: each order
    /// appears once per state it reached.
    func orderFeed(after cursor: Int64, limit: Int) async throws(StoreError) -> OrderFeedPage

    /// Every order in its current state, by number.
    func orders() async throws(StoreError) -> [OrderEvent]
}

extension OutpostStore {
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
