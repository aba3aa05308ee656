/// Why the server refused an order on intake. The message travels to the device and
/// shows in `outpost rejected list`, so it says what to do.
public struct IntakeRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was wrong; stable for scripts and tests.
    public enum Code: String, Sendable, Hashable {
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

    /// What was wrong.
    public let code: Code
    /// A sentence for the rep.
    public let message: String

    /// A refusal with `code` and `message`.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
