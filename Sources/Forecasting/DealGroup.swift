public import OutpostModel

/// Opportunities that count alike in every forecast: the same territory, owner, stage,
/// currency and close month, with their number and summed amount. A forecast reads
/// periods of whole months, so it gives a group the same figures as its deals one by
/// one; a replica keeps its totals this way (``merged(_:)``), small whatever the number
/// of deals.
public struct DealGroup: Hashable, Sendable {
    /// The territory the deals count in (their accounts').
    public var territoryID: TerritoryID
    /// Their owner.
    public var ownerID: UserID
    /// Their stage, which gives their forecast category.
    public var stage: OpportunityStage
    /// A day in their close month (only the month counts).
    public var closeDate: CalendarDay
    /// Their summed amount.
    public var amount: Money
    /// How many deals; negative for a group taken away (see ``negated``).
    public var count: Int

    /// A group from its parts.
    public init(territoryID: TerritoryID, ownerID: UserID, stage: OpportunityStage, closeDate: CalendarDay, amount: Money, count: Int) {
        self.territoryID = territoryID
        self.ownerID = ownerID
        self.stage = stage
        self.closeDate = closeDate
        self.amount = amount
        self.count = count
    }

    /// The group of one deal.
    public init(_ deal: Deal) {
        self.init(territoryID: deal.territoryID, ownerID: deal.ownerID, stage: deal.stage, closeDate: deal.closeDate,
                  amount: deal.amount, count: 1)
    }

    /// The group that takes this one away again when merged with it.
    public var negated: DealGroup {
        var group = self
        group.amount = Money(minorUnits: 0 &- amount.minorUnits, currency: amount.currency)
        group.count = 0 &- count
        return group
    }

    /// The forecast category, from the stage.
    public var forecastCategory: ForecastCategory { stage.forecastCategory }

    /// `groups` with those that count alike added together (amounts saturating, as
    /// ``Amounts`` adds them), and those that come to no deal left out, in a stable order.
    public static func merged(_ groups: some Sequence<DealGroup>) -> [DealGroup] {
        var sum = Sum()
        for group in groups { sum.add(group) }
        return sum.groups
    }

    /// Groups added up one at a time, holding one group per way of counting alike
    /// whatever the number of deals: what ``merged(_:)`` does, for a caller that reads
    /// its deals one by one.
    public struct Sum: Sendable {
        private var byKey: [Key: DealGroup] = [:]

        /// Nothing added yet.
        public init() {}

        /// Adds `group` to the group that counts alike.
        public mutating func add(_ group: DealGroup) {
            let key = Key(group)
            guard var sum = byKey[key] else {
                byKey[key] = group
                return
            }
            var amounts = Amounts(sum.amount)
            amounts.add(group.amount)
            sum.amount = amounts[group.amount.currency]
            sum.count = sum.count &+ group.count
            byKey[key] = sum
        }

        /// The sums, those that come to no deal left out, in a stable order.
        public var groups: [DealGroup] { byKey.sorted { $0.key < $1.key }.map(\.value).filter { $0.count != 0 } }
    }

    /// What makes two groups count alike.
    fileprivate struct Key: Hashable, Comparable, Sendable {
        let territory: TerritoryID
        let owner: UserID
        let stage: String
        let currency: String
        let year: Int
        let month: Int

        init(_ group: DealGroup) {
            territory = group.territoryID
            owner = group.ownerID
            stage = group.stage.rawValue
            currency = group.amount.currency.code
            year = group.closeDate.year
            month = group.closeDate.month
        }

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.territory, lhs.owner, lhs.stage, lhs.currency, lhs.year, lhs.month)
                < (rhs.territory, rhs.owner, rhs.stage, rhs.currency, rhs.year, rhs.month)
        }
    }
}
