/// An exact amount of money: an integer count of the currency's minor units.
///
/// Money is never a floating-point number. `Money(parsing: "1234.50", currency: .eur)`
/// holds 123450 cents; more decimal places than the currency has are refused
/// rather than rounded, so no input is silently changed.
public struct Money: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The amount in minor units (cents for EUR).
    public let minorUnits: Int64
    /// The currency the amount is in.
    public let currency: Currency

    public init(minorUnits: Int64, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Parses a plain decimal such as `1234.5`, `-12.34` or `0`.
    ///
    /// - Throws: `ValidationError` for anything but digits with an optional sign and
    ///   point, for more decimal places than the currency allows, or for overflow.
    public init(parsing text: String, currency: Currency, field: String = "amount") throws(ValidationError) {
        var digits = Substring(text.trimmingWhitespace)
        let negative = digits.first == "-"
        if negative || digits.first == "+" { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = parts.first ?? ""
        let fractionPart = parts.count > 1 ? parts[1] : ""
        let wellFormed = parts.count <= 2 && !integerPart.isEmpty
            && (parts.count == 1 || !fractionPart.isEmpty)
            && (integerPart + fractionPart).allSatisfy { $0.isASCII && $0.isNumber }
        guard wellFormed else {
            throw ValidationError(.badFormat, field: field, "must be a decimal number such as 1234.50 (got \"\(text)\")")
        }
        guard fractionPart.count <= currency.scale else {
            throw ValidationError(.badFormat, field: field, "\(currency.code) amounts have at most \(currency.scale) decimal places (got \"\(text)\")")
        }
        let padded = String(integerPart) + String(fractionPart) + String(repeating: "0", count: currency.scale - fractionPart.count)
        guard let magnitude = Int64(padded) else {
            throw ValidationError(.outOfRange, field: field, "is too large (got \"\(text)\")")
        }
        self.init(minorUnits: negative ? -magnitude : magnitude, currency: currency)
    }

    /// The amount as a plain decimal with exactly the currency's places, e.g. `1234.50`.
    public var decimalString: String {
        let magnitude = minorUnits.magnitude
        let sign = minorUnits < 0 ? "-" : ""
        guard currency.scale > 0 else { return sign + String(magnitude) }
        var divisor: UInt64 = 1
        for _ in 0..<currency.scale { divisor *= 10 }
        let fraction = String(magnitude % divisor)
        let padding = String(repeating: "0", count: currency.scale - fraction.count)
        return "\(sign)\(magnitude / divisor).\(padding)\(fraction)"
    }

    /// `1234.50 EUR`.
    public var description: String { "\(decimalString) \(currency.code)" }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "compared \(lhs.currency) with \(rhs.currency)")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// The sum of two amounts in one currency.
    /// - Throws: `ValidationError` on mixed currencies or overflow.
    public func adding(_ other: Money) throws(ValidationError) -> Money {
        guard currency == other.currency else {
            throw ValidationError(.inconsistent, field: "currency", "cannot add \(other.currency) to \(currency)")
        }
        let (sum, overflow) = minorUnits.addingReportingOverflow(other.minorUnits)
        guard !overflow else { throw ValidationError(.outOfRange, field: "amount", "sum is too large") }
        return Money(minorUnits: sum, currency: currency)
    }

    /// Zero in the given currency.
    public static func zero(_ currency: Currency) -> Money { Money(minorUnits: 0, currency: currency) }
}
