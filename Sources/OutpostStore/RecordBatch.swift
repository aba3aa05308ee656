public import OutpostModel

/// Records written together in one transaction: all of them or none.
///
/// CSV import and the demo company go through a batch, so a bad row never
/// leaves half a file behind. Order inside the batch does not matter: the
/// store inserts parents before children.
public struct RecordBatch: Sendable, Equatable {
    public var territories: [Territory] = []
    public var users: [User] = []
    public var accounts: [Account] = []
    public var contacts: [Contact] = []
    public var leads: [Lead] = []
    public var opportunities: [Opportunity] = []
    public var activities: [Activity] = []
    public var products: [Product] = []
    public var productOptions: [ProductOption] = []
    public var priceBooks: [PriceBook] = []
    public var configuratorModels: [ConfiguratorModel] = []
    public var forecastSubmissions: [ForecastSubmission] = []
    public var quotas: [Quota] = []

    public init() {}

    /// The number of records in the batch.
    public var count: Int {
        territories.count + users.count + accounts.count + contacts.count + leads.count
            + opportunities.count + activities.count + products.count + productOptions.count
            + priceBooks.count + configuratorModels.count + forecastSubmissions.count + quotas.count
    }

    /// The products whose signed catalog bundles the batch's catalog records change.
    public var catalogProducts: Set<ProductID> {
        var products = Set(self.products.map(\.id))
        products.formUnion(productOptions.map(\.productID))
        products.formUnion(configuratorModels.map(\.productID))
        for book in priceBooks { products.formUnion(book.entries.keys) }
        return products
    }
}
