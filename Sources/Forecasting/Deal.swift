public import OutpostModel

/// What a forecast reads of an opportunity, with the territory it counts in (its
/// account's): owner, stage, amount and close date, nothing else, so a replica can keep
/// this much of each opportunity apart and read it alone.
public struct Deal: Hashable, Sendable {
    /// The opportunity's id.
    public var id: OpportunityID
    /// Its account.
    public var accountID: AccountID
    /// Its owner.
    public var ownerID: UserID
    /// Its stage, which gives its forecast category.
    public var stage: OpportunityStage
    /// Its amount.
    public var amount: Money
    /// Its close date, which gives its period.
    public var closeDate: CalendarDay
    /// Its account's territory.
    public var territoryID: TerritoryID

    /// The deal of `opportunity`, counted in `territoryID`.
    public init(_ opportunity: Opportunity, territoryID: TerritoryID) {
        self.init(id: opportunity.id, accountID: opportunity.accountID, ownerID: opportunity.ownerID, stage: opportunity.stage,
                  amount: opportunity.amount, closeDate: opportunity.closeDate, territoryID: territoryID)
    }

    /// A deal from its parts.
    public init(id: OpportunityID, accountID: AccountID, ownerID: UserID, stage: OpportunityStage, amount: Money,
                closeDate: CalendarDay, territoryID: TerritoryID) {
        self.id = id
        self.accountID = accountID
        self.ownerID = ownerID
        self.stage = stage
        self.amount = amount
        self.closeDate = closeDate
        self.territoryID = territoryID
    }
}
