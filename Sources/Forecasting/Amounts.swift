public import OutpostModel

/// Money summed per currency. Figures in different currencies are never added
/// together (there is no exchange rate in Outpost), so a territory selling in euros
/// and pounds shows both.
///
/// Addition is commutative and associative with ``zero`` as identity, which is what
/// lets a parent's figure be the sum of its children's.
public struct Amounts: Hashable, Sendable, CustomStringConvertible {
    /// Minor units per currency; a currency with a zero total is left out.
    public private(set) var minorUnits: [Currency: Int64] = [:]

    /// No money.
    public static let zero = Amounts()

    /// Creates an empty total.
    public init() {}

    /// The total of `money`.
    public init(_ money: Money) { add(money) }

    /// Adds `money` (saturating, so a corrupt record cannot trap the forecast).
    public mutating func add(_ money: Money) {
        let sum = (minorUnits[money.currency] ?? 0).addingReportingOverflow(money.minorUnits)
        let total = sum.overflow ? (money.minorUnits < 0 ? Int64.min : Int64.max) : sum.partialValue
        minorUnits[money.currency] = total == 0 ? nil : total
    }

    /// The sum of two totals.
    public static func + (lhs: Amounts, rhs: Amounts) -> Amounts {
        var sum = lhs
        for (currency, units) in rhs.minorUnits { sum.add(Money(minorUnits: units, currency: currency)) }
        return sum
    }

    /// The amount in each currency, by currency code.
    public var money: [Money] {
        minorUnits.map { Money(minorUnits: $0.value, currency: $0.key) }.sorted { $0.currency.code < $1.currency.code }
    }

    /// The amount in `currency` (zero when there is none).
    public subscript(currency: Currency) -> Money { Money(minorUnits: minorUnits[currency] ?? 0, currency: currency) }

    /// `1200.00 EUR + 300.00 GBP`, or `0`.
    public var description: String { money.isEmpty ? "0" : money.map(\.description).joined(separator: " + ") }
}

extension Amounts: Encodable {
    /// Encodes as `{"EUR": "1200.00"}`: exact decimal text, never a float.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Dictionary(uniqueKeysWithValues: money.map { ($0.currency.code, $0.decimalString) }))
    }
}
