public import OutpostModel

/// How the server prices a quote line and a quote, to check a device's figures.
///
/// This is the one place intake asks for prices; it follows the product's list
/// price plus its selected options, then the quote's discount rounded half-up to
/// the currency's minor unit.
public enum ServerPricing {
    /// The unit price of `line` from the catalog, or `nil` when a product or option
    /// is unknown or priced in another currency.
    public static func unitPrice(of line: QuoteLine, in catalog: IntakeCatalog) -> Money? {
        guard let product = catalog.products[line.productID] else { return nil }
        var units = product.basePrice.minorUnits
        for id in line.selectedOptionIDs {
            guard let option = catalog.options[id], option.price.currency == product.basePrice.currency else { return nil }
            units += option.price.minorUnits
        }
        return Money(minorUnits: units, currency: product.basePrice.currency)
    }

    /// The quote's total: the lines' unit prices times quantities, less the discount;
    /// `nil` when it does not fit 64-bit minor units.
    public static func total(of quote: Quote, currency: Currency) -> Money? {
        var gross: Int64 = 0
        for line in quote.lines {
            let (amount, overflow) = line.unitPrice.minorUnits.multipliedReportingOverflow(by: Int64(line.quantity))
            guard !overflow else { return nil }
            let (sum, sumOverflow) = gross.addingReportingOverflow(amount)
            guard !sumOverflow else { return nil }
            gross = sum
        }
        let (scaled, overflow) = gross.multipliedReportingOverflow(by: Int64(quote.discountBasisPoints))
        guard !overflow, scaled <= Int64.max - 5_000 else { return nil }
        return Money(minorUnits: gross - (scaled + 5_000) / 10_000, currency: currency)
    }
}
