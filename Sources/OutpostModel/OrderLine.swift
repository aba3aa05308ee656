/// One line of an order as the order desk reads it: what was ordered, by SKU and name,
/// with every option and its price, and how the line's total was reached.
///
/// `unitPrice × quantity − tierDiscount = total`, to the cent; the server writes the
/// lines when it takes the order in, from its own catalog and pricing.
public struct OrderLine: Hashable, Sendable, Codable {
    /// One option of the configured product and its price per unit.
    public struct Option: Hashable, Sendable, Codable {
        /// The option's short code, `ssd-fast`.
        public var code: String
        /// The option's name, `Fast SSD`.
        public var name: String
        /// Its price on top of the product's, per unit.
        public var price: Money

        public init(code: String, name: String, price: Money) {
            self.code = code
            self.name = name
            self.price = price
        }
    }

    public var productID: ProductID
    /// The product's stock-keeping unit, `PC-RICHMOND`.
    public var sku: String
    /// The product's name.
    public var productName: String
    /// The price book's price of the product alone, per unit.
    public var productPrice: Money
    /// Every option of the configuration, chosen or forced, with its price.
    public var options: [Option]
    public var quantity: Int
    /// The configured unit list price: the product's price plus its options'.
    public var unitPrice: Money
    /// What the volume tiers take off `unitPrice × quantity` (zero without tiers).
    public var tierDiscount: Money
    /// The line's total after its volume tiers.
    public var total: Money

    public init(productID: ProductID, sku: String, productName: String, productPrice: Money, options: [Option],
                quantity: Int, unitPrice: Money, tierDiscount: Money, total: Money) {
        self.productID = productID
        self.sku = sku
        self.productName = productName
        self.productPrice = productPrice
        self.options = options
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.tierDiscount = tierDiscount
        self.total = total
    }

    /// Checks that the line's figures add up: the unit price is the product's plus its
    /// options', and `unitPrice × quantity − tierDiscount` is its total.
    public func validate() throws(ValidationError) {
        guard quantity >= 1 else { throw ValidationError(.outOfRange, field: "quantity", "must be at least 1 (got \(quantity))") }
        let options = self.options.map(\.price.minorUnits).reduce(productPrice.minorUnits, &+)
        guard options == unitPrice.minorUnits else {
            throw ValidationError(.inconsistent, field: "lines", "\(sku): the unit price \(unitPrice) is not the product's price plus its options'")
        }
        let (listTotal, overflow) = unitPrice.minorUnits.multipliedReportingOverflow(by: Int64(quantity))
        guard !overflow, listTotal - tierDiscount.minorUnits == total.minorUnits, tierDiscount.minorUnits >= 0 else {
            throw ValidationError(.inconsistent, field: "lines", "\(sku): \(quantity) × \(unitPrice) less \(tierDiscount) is not the line total \(total)")
        }
    }
}
