public import Foundation
public import OutpostModel
public import OutpostStore
import OutpostReplication

extension PostgresStore: RecordStore {
    public func insert(_ batch: RecordBatch) async throws(StoreError) {
        try await write(batch, upsert: false)
    }

    public func upsert(_ batch: RecordBatch) async throws(StoreError) {
        try await write(batch, upsert: true)
    }

    /// Writes the batch in one ledger transaction (``PostgresBatchWriter``); a batch that
    /// changes the catalog loads the signing key first (it needs the key file).
    private func write(_ batch: RecordBatch, upsert: Bool) async throws(StoreError) {
        do throws(StoreError) {
            try batch.validateRecords()
            let key = batch.catalogProducts.isEmpty ? nil : try await catalogSigningKey()
            let now = Date()
            try await records("writing a batch of \(batch.count) records", exclusive: true) { connection in
                var writer = try PostgresBatchWriter(connection, upsert: upsert, now: now)
                try writer.write(batch, signingKey: key)
            }
        } catch where error.code != .database {
            throw StoreError(error.code, error.message + "; nothing from the batch of \(batch.count) records was written")
        }
    }

    public func counts() async throws(StoreError) -> RecordCounts {
        try await records("counting records") { try PostgresRecords.counts($0.connection) }
    }

    public func accounts(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Account] {
        try await records("listing accounts") { try PostgresRecords.accounts($0.connection, in: territories) }
    }

    public func contacts(of accounts: Set<AccountID>?) async throws(StoreError) -> [Contact] {
        try await records("listing contacts") { try PostgresRecords.contacts($0.connection, of: accounts) }
    }

    public func opportunities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Opportunity] {
        try await records("listing opportunities") { try PostgresRecords.opportunities($0.connection, of: accounts) }
    }

    public func leads(in territories: Set<TerritoryID>?) async throws(StoreError) -> [Lead] {
        try await records("listing leads") { try PostgresRecords.leads($0.connection, in: territories) }
    }

    public func activities(of accounts: Set<AccountID>?) async throws(StoreError) -> [Activity] {
        try await records("listing activities") { try PostgresRecords.activities($0.connection, of: accounts) }
    }

    public func forecastSubmissions() async throws(StoreError) -> [ForecastSubmission] {
        try await records("listing forecast submissions") { try ForecastSubmission.fetchAll($0.connection) }
    }

    public func forecastAdjustments() async throws(StoreError) -> [ForecastAdjustment] {
        try await records("listing forecast adjustments") { try PostgresRecords.replicated($0.connection, .forecastAdjustment) }
    }

    public func quotas() async throws(StoreError) -> [Quota] {
        try await records("listing quotas") { try PostgresRecords.replicated($0.connection, .quota) }
    }

    public func products() async throws(StoreError) -> [Product] {
        try await records("listing products") { try PostgresRecords.products($0.connection) }
    }

    public func productOptions(of product: ProductID) async throws(StoreError) -> [ProductOption] {
        try await records("listing the options of product \(product)") { try PostgresRecords.productOptions($0.connection, of: product) }
    }

    public func configuratorModel(of product: ProductID) async throws(StoreError) -> ConfiguratorModel? {
        try await records("reading the configurator model of product \(product)") {
            try PostgresRecords.configuratorModel($0.connection, of: product)
        }
    }

    public func priceBooks() async throws(StoreError) -> [PriceBook] {
        try await records("listing price books") { try PriceBook.fetchAll($0.connection) }
    }

    /// Runs `body` on a read snapshot, or with `exclusive` in a write transaction holding
    /// the change sequence's lock (``PostgresLedger``); every failure becomes a `StoreError`.
    func records<T: Sendable>(_ action: String, exclusive: Bool = false,
                                      _ body: @Sendable (PostgresLedgerTransaction) throws -> T) async throws(StoreError) -> T {
        do {
            return exclusive ? try await ledger.transaction(body) : try await ledger.snapshot(body)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, doing: action, on: location)
        }
    }
}
