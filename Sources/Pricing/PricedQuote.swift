public import OutpostModel

/// A priced quote: lines, subtotal, discounts, total and whether a manager must approve.
public struct PricedQuote: Hashable, Sendable {
    /// The price book's currency, which every amount is in.
    public let currency: Currency
    public let lines: [PricedLine]
    /// The sum of the lines' totals (after volume tiers).
    public let subtotal: Money
    /// The quote's percentage discount, rounded once on the subtotal.
    public let percentageDiscount: Money
    /// The amount discount as applied: never more than what is left after the percentage.
    public let amountDiscount: Money
    /// `subtotal − percentageDiscount − amountDiscount`, never negative.
    public let total: Money
    /// The largest discount (basis points of the subtotal) that needs no approval; `nil`
    /// means every discount needs one.
    public let approvalThresholdBasisPoints: Int?

    /// Both discounts together.
    public var discount: Money { Money(minorUnits: percentageDiscount.minorUnits + amountDiscount.minorUnits, currency: currency) }

    /// Whether the discount is over the price book's threshold, so a manager must approve
    /// the quote: `discount / subtotal > threshold` (a discount exactly at the threshold
    /// needs none; any discount needs one when the book sets no threshold).
    public var needsApproval: Bool {
        guard discount.minorUnits > 0 else { return false }
        guard let threshold = approvalThresholdBasisPoints else { return true }
        return Int128(discount.minorUnits) * 10_000 > Int128(threshold) * Int128(subtotal.minorUnits)
    }

    /// The first difference between this price and what `quote` claims (its lines' unit
    /// prices and its total), in words; `nil` when they agree. The server re-prices
    /// every quote it receives and refuses a mismatch with this reason.
    public func mismatch(with quote: Quote) -> String? {
        guard quote.lines.count == lines.count else {
            return "the quote has \(quote.lines.count) lines but \(lines.count) were priced"
        }
        for (number, (claimed, priced)) in zip(quote.lines, lines).enumerated() where claimed.unitPrice != priced.unitPrice {
            return "line \(number + 1) claims a unit price of \(claimed.unitPrice) but the price book gives \(priced.unitPrice)"
        }
        if quote.total != total {
            return "the quote claims a total of \(quote.total.map(\.description) ?? "none") but it prices at \(total)"
        }
        return nil
    }
}
