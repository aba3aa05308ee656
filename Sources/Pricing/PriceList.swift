public import OutpostModel

/// Prices configured products and quotes from one price book, the same way on the device
/// (offline) and on the server (which re-prices and never trusts a client's price).
///
/// Unit list price = the book's price of the product + the prices of the configuration's
/// options. A line's total applies the product's volume tiers in the book to its quantity.
/// The quote's subtotal is the sum of its lines; its percentage discount comes off the
/// subtotal, then its amount discount, and the total never goes below zero. Rounding
/// follows ``Rounding``.
///
/// ```swift
/// let list = PriceList(priceBook: book, products: products, options: options)
/// let priced = try list.price(lines: [LineRequest(productID: pc, optionIDs: [ssd], quantity: 12)],
///                             discountBasisPoints: 1000, discountAmount: nil)
/// priced.total, priced.needsApproval
/// ```
public struct PriceList: Sendable {
    /// The book prices come from; every amount is in its currency.
    public let priceBook: PriceBook
    private let products: [ProductID: Product]
    private let options: [ProductOptionID: ProductOption]

    /// - Parameters:
    ///   - products: The products the book may price (others are unknown).
    ///   - options: Their options.
    public init(priceBook: PriceBook, products: [Product], options: [ProductOption]) {
        self.priceBook = priceBook
        self.products = Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.options = Dictionary(options.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The currency of every price.
    public var currency: Currency { priceBook.currency }

    /// The configured unit list price of `product` with `optionIDs`.
    /// - Throws: `PricingError` for an unknown product or option, an option of another
    ///   product, a product the book does not price, or an amount in another currency.
    public func line(_ request: LineRequest) throws(PricingError) -> PricedLine {
        guard let product = products[request.productID] else {
            throw PricingError(.unknownItem, "product \(request.productID) is not in the catalog; sync, or check the id")
        }
        guard let productPrice = priceBook.entries[product.id] else {
            throw PricingError(.notInPriceBook, "price book \(priceBook.name) has no price for \(product.sku); use another price book")
        }
        guard productPrice.currency == currency else { throw .currencyMismatch(productPrice, expected: currency) }
        var optionPrices: [Money] = []
        for id in Set(request.optionIDs) {
            guard let option = options[id], option.productID == product.id else {
                throw PricingError(.unknownItem, "option \(id) is not an option of \(product.sku)")
            }
            optionPrices.append(option.price)
        }
        let optionsPrice = try Rounding.sum(optionPrices, in: currency)
        let unitPrice = try Rounding.sum([productPrice, optionsPrice], in: currency)
        guard unitPrice.minorUnits >= 0 else {
            throw PricingError(.invalidInput, "\(product.sku) would cost \(unitPrice) a unit; prices must not be negative")
        }
        guard request.quantity >= 1 else { throw PricingError(.invalidInput, "a quantity must be at least 1 (got \(request.quantity))") }
        let listTotal = try Rounding.times(unitPrice, request.quantity)
        let schedule = priceBook.tiers[product.id]
        let total = try schedule?.total(of: request.quantity, at: unitPrice) ?? listTotal
        return PricedLine(request: request, productPrice: productPrice, optionsPrice: optionsPrice, unitPrice: unitPrice,
                          listTotal: listTotal, total: total, tierKind: schedule?.kind)
    }

    /// Prices lines with a percentage and an amount discount.
    /// - Parameters:
    ///   - discountBasisPoints: 0…10,000 (1250 is 12.5 %), taken off the subtotal.
    ///   - discountAmount: Taken off after the percentage, at most down to zero.
    /// - Throws: `PricingError` for a bad line, a discount out of range or in another currency.
    public func price(lines requests: [LineRequest], discountBasisPoints: Int, discountAmount: Money?) throws(PricingError) -> PricedQuote {
        guard (0...10_000).contains(discountBasisPoints) else {
            throw PricingError(.invalidInput, "a discount must be between 0 % and 100 % (got \(discountBasisPoints) basis points)")
        }
        if let discountAmount {
            guard discountAmount.currency == currency else { throw .currencyMismatch(discountAmount, expected: currency) }
            guard discountAmount.minorUnits >= 0 else { throw PricingError(.invalidInput, "a discount must not be negative (got \(discountAmount))") }
        }
        var lines: [PricedLine] = []
        for request in requests { lines.append(try line(request)) }
        let subtotal = try Rounding.sum(lines.map(\.total), in: currency)
        let percentage = try Rounding.share(of: subtotal, basisPoints: discountBasisPoints)
        let remaining = subtotal.minorUnits - percentage.minorUnits
        let amount = Money(minorUnits: min(discountAmount?.minorUnits ?? 0, remaining), currency: currency)
        return PricedQuote(currency: currency, lines: lines, subtotal: subtotal, percentageDiscount: percentage,
                           amountDiscount: amount, total: Money(minorUnits: remaining - amount.minorUnits, currency: currency),
                           approvalThresholdBasisPoints: priceBook.approvalThresholdBasisPoints)
    }

    /// Prices `quote`'s lines and discounts afresh (its claimed prices are ignored).
    public func price(_ quote: Quote) throws(PricingError) -> PricedQuote {
        try price(lines: quote.lines.map { LineRequest(productID: $0.productID, optionIDs: $0.selectedOptionIDs, quantity: $0.quantity) },
                  discountBasisPoints: quote.discountBasisPoints, discountAmount: quote.discountAmount)
    }
}
