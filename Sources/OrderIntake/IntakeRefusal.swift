// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting

/// Why the server refused an order on intake. The message travels to the device and
/// shows in `outpost rejected list`, so it says what to do.
public typealias IntakeRefusal = CodedError<IntakeRefusalCode>

/// What was wrong; stable for scripts and tests.
public enum IntakeRefusalCode: String, Sendable, Hashable {
    /// The quote is not on the server.
    case unknownQuote
    /// The quote is not accepted.
    case quoteNotAccepted
    /// The quote's validity date had passed when the order was placed.
    case quoteExpired
    /// The quote changed after the order was placed.
    case quoteChanged
    /// A line's configuration breaks the product's rules, or names an unknown product or option.
    case invalidConfiguration
    /// A price differs from the server's own pricing.
    case priceMismatch
    /// The discount is over the price book's threshold and no manager approved it.
    case needsApproval
    /// The quote was priced with a catalog bundle version the server never signed.
    case unknownBundle
    /// The order itself is malformed (a number, total or state the device may not set).
    case invalidOrder
}
