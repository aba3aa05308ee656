import OutpostModel

extension Money {
    /// Parses `text` exactly: an optional `-`, digits, and at most the currency's
    /// decimal places after a point (`1234.5`, `-0.05`, `12`). Nothing is rounded;
    /// spaces, `+`, a bare point and extra places are refused.
    init(exactly text: String, currency: Currency) throws(FieldProblem) {
        let negative = text.hasPrefix("-")
        let parts = text.dropFirst(negative ? 1 : 0).split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        let isDigits: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
        guard isDigits(whole), parts.count == 1 || isDigits(fraction) else {
            throw .invalid("must be an amount such as 1234.50 (got \"\(text)\")")
        }
        guard fraction.count <= currency.scale else {
            throw .invalid("has \(fraction.count) decimal places but \(currency.code) amounts have at most \(currency.scale) (got \"\(text)\"); amounts are never rounded")
        }
        let digits = whole + fraction + String(repeating: "0", count: currency.scale - fraction.count)
        let limit = negative ? Int64.min.magnitude : Int64.max.magnitude
        guard let magnitude = UInt64(digits), magnitude <= limit else {
            throw .invalid("is too large (got \"\(text)\")")
        }
        self.init(minorUnits: negative ? Int64(bitPattern: 0 &- magnitude) : Int64(magnitude), currency: currency)
    }
}
