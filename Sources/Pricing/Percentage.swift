/// Percentages as people type them, in basis points.
public enum Percentage {
    /// `12.5` → 1250 basis points: a percentage from 0 to 100 with at most two decimals.
    ///
    /// ```swift
    /// try Percentage.basisPoints(parsing: "12.5")   // 1250
    /// ```
    /// - Throws: `PricingError.invalidInput` for anything else (signs, three decimals, 100.01).
    public static func basisPoints(parsing text: String) throws(PricingError) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let digitsOnly = parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
        guard (1...2).contains(parts.count), digitsOnly, parts[0].count <= 3, parts.count == 1 || parts[1].count <= 2,
              let whole = Int(parts[0]), let fraction = Int(parts.count == 2 ? parts[1] + (parts[1].count == 1 ? "0" : "") : "0"),
              whole * 100 + fraction <= 10_000 else {
            throw PricingError(.invalidInput, "a discount must be a percentage from 0 to 100 with at most two decimals, such as 12.5 (got \"\(text)\")")
        }
        return whole * 100 + fraction
    }
}
