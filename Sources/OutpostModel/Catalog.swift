/// A configurable product in the global catalog.
public struct Product: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: ProductID
    /// The stock-keeping unit, unique: `PC-RICHMOND`.
    public var sku: String
    public var name: String
    public var basePrice: Money

    public init(id: ProductID = ProductID(), sku: String, name: String, basePrice: Money) {
        self.id = id
        self.sku = sku
        self.name = name
        self.basePrice = basePrice
    }

    public func validate() throws(ValidationError) {
        try Check.required(sku, "sku", maxLength: 64)
        try Check.required(name, "name")
        try Check.notNegative(basePrice, "base_price")
    }
}

/// One selectable option of a product; `variable` ties it to the configurator model.
public struct ProductOption: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: ProductOptionID
    public var productID: ProductID
    /// A short code unique within the product: `cpu-i7`.
    public var code: String
    public var name: String
    /// The option's price on top of the product's base price.
    public var price: Money
    /// The 1-based variable of the option in the product's propositional model, if any.
    public var variable: Int?

    public init(id: ProductOptionID = ProductOptionID(), productID: ProductID, code: String, name: String,
                price: Money, variable: Int? = nil) {
        self.id = id
        self.productID = productID
        self.code = code
        self.name = name
        self.price = price
        self.variable = variable
    }

    public func validate() throws(ValidationError) {
        try Check.required(code, "code", maxLength: 64)
        try Check.required(name, "name")
        try Check.notNegative(price, "price")
    }
}

/// A named list of prices in one currency, e.g. `Standard EUR`.
public struct PriceBook: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: PriceBookID
    public var name: String
    public var currency: Currency
    /// The price of each product in this book.
    public var entries: [ProductID: Money]
    /// The volume tiers of products that have them.
    public var tiers: [ProductID: VolumeSchedule]
    /// The largest quote discount, in basis points of the quote's subtotal, that needs no
    /// manager's approval; `nil` means every discount needs one.
    public var approvalThresholdBasisPoints: Int?

    public init(id: PriceBookID = PriceBookID(), name: String, currency: Currency, entries: [ProductID: Money] = [:],
                tiers: [ProductID: VolumeSchedule] = [:], approvalThresholdBasisPoints: Int? = nil) {
        self.id = id
        self.name = name
        self.currency = currency
        self.entries = entries
        self.tiers = tiers
        self.approvalThresholdBasisPoints = approvalThresholdBasisPoints
    }

    public func validate() throws(ValidationError) {
        try Check.required(name, "name")
        for price in entries.values where price.currency != currency {
            throw ValidationError(.inconsistent, field: "entries", "price \(price) is not in the book's currency \(currency)")
        }
        for schedule in tiers.values { try schedule.validate() }
        if let threshold = approvalThresholdBasisPoints, !(0...10_000).contains(threshold) {
            throw ValidationError(.outOfRange, field: "approval_threshold_basis_points", "must be between 0 and 10000 (got \(threshold))")
        }
    }
}

/// A product's propositional rule set, as CNF clauses over its option variables.
///
/// Each clause is a list of non-zero literals (DIMACS convention: `v` means the option
/// with variable `v` is selected, `-v` that it is not). The configurator issue gives
/// these their full semantics; the store keeps them verbatim.
public struct ConfiguratorModel: Hashable, Sendable, Codable {
    public var productID: ProductID
    public var variableCount: Int
    public var clauses: [[Int32]]

    public init(productID: ProductID, variableCount: Int, clauses: [[Int32]]) {
        self.productID = productID
        self.variableCount = variableCount
        self.clauses = clauses
    }
}
