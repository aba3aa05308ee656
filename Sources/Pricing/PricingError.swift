// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting
public import OutpostModel

/// Why a price cannot be worked out, with a message a rep or admin can act on.
public typealias PricingError = CodedError<PricingErrorCode>

/// Stable codes for scripts and tests.
public enum PricingErrorCode: String, Hashable, Sendable {
    /// The price book has no price for the product.
    case notInPriceBook = "not_in_price_book"
    /// An amount is in another currency than the price book's.
    case currencyMismatch = "currency_mismatch"
    /// A product or option the request names is unknown or belongs elsewhere.
    case unknownItem = "unknown_item"
    /// A quantity below 1, a discount outside 0…100 % or a negative price.
    case invalidInput = "invalid_input"
    /// An amount too large for 64-bit minor units.
    case overflow
}

extension PricingError {
    static func currencyMismatch(_ amount: Money, expected: Currency) -> PricingError {
        PricingError(.currencyMismatch, "\(amount) is not in the price book's currency \(expected.code); price it in \(expected.code) or use a \(amount.currency.code) price book")
    }
}
