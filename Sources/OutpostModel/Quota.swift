/// What a user is expected to close in one period in one territory: the target the
/// forecast is read against, rolled up the territory hierarchy like the figures.
public struct Quota: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: EntityID<Quota>
    public var userID: UserID
    public var territoryID: TerritoryID
    public var period: ForecastPeriod
    public var amount: Money

    public init(id: EntityID<Quota> = EntityID<Quota>(), userID: UserID, territoryID: TerritoryID,
                period: ForecastPeriod, amount: Money) {
        self.id = id
        self.userID = userID
        self.territoryID = territoryID
        self.period = period
        self.amount = amount
    }

    public func validate() throws(ValidationError) {
        try Check.notNegative(amount, "amount")
    }
}
