public import OutpostModel

/// Outpost's one rounding rule for prices.
///
/// Amounts are integer minor units (`Money`); sums and products by whole quantities are
/// exact. Only a percentage (a volume tier's or the quote's discount, in basis points)
/// can leave a fraction of a minor unit, and it is rounded **once, to the currency's
/// minor unit, half away from zero**: 0.5 cent becomes 1 cent, 0.49 cent 0 cents.
/// A tier's discount is rounded per unit (the tier's unit price is a price people read),
/// then multiplied by the units; the quote's percentage discount is rounded once on the
/// subtotal. Computations run in 128 bits, so no intermediate overflows.
///
/// ```swift
/// Rounding.share(of: Money(minorUnits: 1999, currency: .eur), basisPoints: 250)  // 49.975 → 0.50 EUR
/// ```
public enum Rounding {
    /// `basisPoints` / 10,000 of `amount`, rounded half away from zero to a minor unit.
    /// - Throws: `PricingError.overflow` if the result does not fit 64 bits.
    public static func share(of amount: Money, basisPoints: Int) throws(PricingError) -> Money {
        let exact = Int128(amount.minorUnits) * Int128(basisPoints)
        let (quotient, remainder) = exact.quotientAndRemainder(dividingBy: 10_000)
        let rounded = quotient + (remainder.magnitude * 2 >= 10_000 ? (exact < 0 ? -1 : 1) : 0)
        return try money(rounded, amount.currency)
    }

    /// `amount` times a whole `quantity`, exactly.
    /// - Throws: `PricingError.overflow` if the result does not fit 64 bits.
    public static func times(_ amount: Money, _ quantity: Int) throws(PricingError) -> Money {
        try money(Int128(amount.minorUnits) * Int128(quantity), amount.currency)
    }

    /// The sum of amounts in one currency.
    /// - Throws: `PricingError.currencyMismatch` or `.overflow`.
    public static func sum(_ amounts: [Money], in currency: Currency) throws(PricingError) -> Money {
        var total: Int128 = 0
        for amount in amounts {
            guard amount.currency == currency else { throw .currencyMismatch(amount, expected: currency) }
            total += Int128(amount.minorUnits)
        }
        return try money(total, currency)
    }

    static func money(_ units: Int128, _ currency: Currency) throws(PricingError) -> Money {
        guard let minor = Int64(exactly: units) else { throw PricingError(.overflow, "an amount is too large to price in \(currency.code)") }
        return Money(minorUnits: minor, currency: currency)
    }
}
