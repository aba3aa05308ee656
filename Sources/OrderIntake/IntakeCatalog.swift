public import OutpostModel

/// The catalog an order's quote lines are checked against: the products they name,
/// the products' options and rule models. The server loads it from its own tables.
public struct IntakeCatalog: Sendable {
    /// Products by id.
    public var products: [ProductID: Product]
    /// Options by id.
    public var options: [ProductOptionID: ProductOption]
    /// Each product's propositional rule model, for products that have one.
    public var models: [ProductID: ConfiguratorModel]

    /// A catalog of the given products, options and models.
    public init(products: [Product], options: [ProductOption], models: [ConfiguratorModel]) {
        self.products = Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.options = Dictionary(options.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.models = Dictionary(models.map { ($0.productID, $0) }, uniquingKeysWith: { first, _ in first })
    }

}
