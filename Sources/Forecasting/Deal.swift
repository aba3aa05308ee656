public import OutpostModel

/// An opportunity with the territory it counts in (its account's).
public struct Deal: Hashable, Sendable {
    /// The opportunity.
    public var opportunity: Opportunity
    /// Its account's territory.
    public var territoryID: TerritoryID

    /// Pairs an opportunity with its territory.
    public init(_ opportunity: Opportunity, territoryID: TerritoryID) {
        self.opportunity = opportunity
        self.territoryID = territoryID
    }
}
