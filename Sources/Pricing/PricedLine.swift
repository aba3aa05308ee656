public import OutpostModel

/// A priced line: its configured unit price and its total after volume tiers.
public struct PricedLine: Hashable, Sendable {
    /// What was priced.
    public let request: LineRequest
    /// The price book's price of the product alone.
    public let productPrice: Money
    /// The sum of the options' prices, for one unit.
    public let optionsPrice: Money
    /// `productPrice + optionsPrice`: the configured unit list price.
    public let unitPrice: Money
    /// `unitPrice × quantity`, before volume tiers.
    public let listTotal: Money
    /// The line's total after its volume tiers (equal to `listTotal` without tiers).
    public let total: Money
    /// The tier kind applied, if the product has tiers in the book.
    public let tierKind: TierKind?
}
