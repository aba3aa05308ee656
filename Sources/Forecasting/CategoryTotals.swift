public import OutpostModel

/// What the opportunities of a period add up to in each forecast category, before
/// the cumulative reading of ``Figures``.
public struct CategoryTotals: Hashable, Sendable {
    /// The sum per category; Omitted is kept for drill-down but counts in no figure.
    public private(set) var byCategory: [ForecastCategory: Amounts] = [:]
    /// How many opportunities were counted.
    public private(set) var deals = 0

    /// Nothing counted.
    public init() {}

    /// Counts the deals of `group` in their stage's category.
    public mutating func add(_ group: DealGroup) {
        byCategory[group.forecastCategory, default: .zero].add(group.amount)
        deals += group.count
    }

    /// The sum in `category`.
    public subscript(category: ForecastCategory) -> Amounts { byCategory[category] ?? .zero }

    /// The cumulative figures as managers read them.
    public var figures: Figures {
        Figures(closed: self[.closed],
                commit: self[.commit] + self[.closed],
                bestCase: self[.bestCase] + self[.commit] + self[.closed],
                pipeline: self[.pipeline] + self[.bestCase] + self[.commit])
    }

    /// Both totals together.
    public static func + (lhs: CategoryTotals, rhs: CategoryTotals) -> CategoryTotals {
        var sum = lhs
        for (category, amounts) in rhs.byCategory { sum.byCategory[category] = sum[category] + amounts }
        sum.deals += rhs.deals
        return sum
    }
}
