public import OutpostModel

/// What an order's quote is checked against: the products its lines name with their
/// options and rule models, the quote's price book, and who approved its discount.
/// The server loads it from its own tables.
public struct IntakeCatalog: Sendable {
    /// Products by id.
    public var products: [ProductID: Product]
    /// Options by id.
    public var options: [ProductOptionID: ProductOption]
    /// Each product's propositional rule model, for products that have one.
    public var models: [ProductID: ConfiguratorModel]
    /// The price book the quote names, if the server has it.
    public var priceBook: PriceBook?
    /// The role of the user the quote names as its approver, if the server knows them.
    public var approverRole: Role?
    /// The catalog bundle versions the server signed for these products: a quote
    /// must have been priced with one of them.
    public var signedBundleVersions: Set<Int>

    /// A catalog of the given products, options, models and price book.
    public init(products: [Product], options: [ProductOption], models: [ConfiguratorModel], priceBook: PriceBook?,
                approverRole: Role? = nil, signedBundleVersions: Set<Int>) {
        self.products = Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.options = Dictionary(options.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.models = Dictionary(models.map { ($0.productID, $0) }, uniquingKeysWith: { first, _ in first })
        self.priceBook = priceBook
        self.approverRole = approverRole
        self.signedBundleVersions = signedBundleVersions
    }
}
