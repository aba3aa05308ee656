public import Foundation
public import OutpostModel

/// The company's records beyond the directory: the CRM records, the catalog and the
/// forecasts, written in all-or-nothing batches. What `demo`, `import`, `export` and the
/// `catalog` commands read and write; both backends implement it.
///
/// Every write takes change sequence values and updates each record's hub state in the
/// same transaction, so devices receive it at their next sync.
public protocol RecordStore: DirectoryStore {
    // MARK: Bulk

    /// Inserts every record of the batch in one transaction, or none of them.
    /// - Throws: `.duplicate` for a stored id, `.missingReference`, `.invalid`, naming the first bad record.
    func insert(_ batch: RecordBatch) async throws(StoreError)

    /// Writes every record of the batch in one transaction, or none: a record whose id is
    /// stored replaces it in place (its hub write carries the fields that changed), any
    /// other is inserted. What `import` and the catalog commands use.
    func upsert(_ batch: RecordBatch) async throws(StoreError)

    /// How many records of each kind the store holds.
    func counts() async throws(StoreError) -> RecordCounts

    // MARK: CRM records

    /// Accounts, optionally only those in the given territories, by name.
    func accounts(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Account]

    /// Contacts, optionally only those of the given accounts, by last and first name.
    func contacts(of accounts: Set<AccountID>?) async throws(StoreError) -> [Contact]

    /// Opportunities, optionally only those of the given accounts, by close date.
    func opportunities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Opportunity]

    /// Leads, optionally only those in the given territories, by company.
    func leads(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Lead]

    /// Activities, optionally only those of the given accounts, by day.
    func activities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Activity]

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

    /// Every price book with its entries, by name.
    func priceBooks() async throws(StoreError) -> [PriceBook]
}
