/// An ISO 4217 currency with the number of decimal places its amounts carry.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The three-letter upper-case code, e.g. `EUR`.
    public let code: String
    /// Decimal places of the minor unit: 2 for EUR, 0 for JPY, 3 for KWD.
    public let scale: Int

    /// Creates a currency from its code; the scale comes from ISO 4217.
    ///
    /// - Throws: `ValidationError` when the code is not three upper-case letters
    ///   or not one Outpost knows.
    public init(code: String) throws(ValidationError) {
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isUppercase }) else {
            throw ValidationError(.badFormat, field: "currency", "must be a three-letter ISO 4217 code such as EUR (got \"\(code)\")")
        }
        guard let scale = Currency.knownScales[code] else {
            let known = Currency.knownScales.keys.sorted().joined(separator: ", ")
            throw ValidationError(.badFormat, field: "currency", "\(code) is not supported; use one of \(known)")
        }
        self.code = code
        self.scale = scale
    }

    public var description: String { code }

    public static let eur = try! Currency(code: "EUR")
    public static let usd = try! Currency(code: "USD")
    public static let gbp = try! Currency(code: "GBP")

    static let knownScales: [String: Int] = [
        "EUR": 2, "USD": 2, "GBP": 2, "CHF": 2, "SEK": 2, "NOK": 2, "DKK": 2, "PLN": 2,
        "CAD": 2, "AUD": 2, "JPY": 0, "KWD": 3,
    ]

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        try self.init(code: code)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
