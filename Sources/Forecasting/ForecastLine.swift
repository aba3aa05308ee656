import OutpostModel

/// The figures of one rep, or one territory, for one period, side by side: what the
/// opportunities say, what was submitted, what managers' adjustments make of it, and
/// the quota. Adjustments never overwrite the submitted figures; both are kept.
public struct ForecastLine: Hashable, Sendable {
    /// The opportunities closing in the period, by category.
    public var computed = CategoryTotals()
    /// The reps' submitted figures.
    public var submitted = Figures.zero
    /// The submitted figures with the adjustments in force applied.
    public var adjusted = Figures.zero
    /// The quota.
    public var quota = Amounts.zero
    /// How many submissions are counted.
    public var submissions = 0
    /// How many adjustments are in force.
    public var adjustments = 0

    /// An empty line.
    public init() {}

    /// Line by line.
    public static func + (lhs: ForecastLine, rhs: ForecastLine) -> ForecastLine {
        var sum = ForecastLine()
        sum.computed = lhs.computed + rhs.computed
        sum.submitted = lhs.submitted + rhs.submitted
        sum.adjusted = lhs.adjusted + rhs.adjusted
        sum.quota = lhs.quota + rhs.quota
        sum.submissions = lhs.submissions + rhs.submissions
        sum.adjustments = lhs.adjustments + rhs.adjustments
        return sum
    }
}

extension ForecastLine: Encodable {
    enum CodingKeys: String, CodingKey {
        case computed, omitted, deals, submitted, adjusted, quota, submissions, adjustments
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(computed.figures, forKey: .computed)
        try container.encode(computed[.omitted], forKey: .omitted)
        try container.encode(computed.deals, forKey: .deals)
        try container.encode(submitted, forKey: .submitted)
        try container.encode(adjusted, forKey: .adjusted)
        try container.encode(quota, forKey: .quota)
        try container.encode(submissions, forKey: .submissions)
        try container.encode(adjustments, forKey: .adjustments)
    }
}
