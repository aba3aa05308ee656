/// A deal being worked at an account.
public struct Opportunity: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: OpportunityID
    public var accountID: AccountID
    public var ownerID: UserID
    public var name: String
    public var stage: OpportunityStage
    public var amount: Money
    public var closeDate: CalendarDay
    /// Likelihood of winning, 0...100; 100 when won and 0 when lost.
    public var probability: Int

    /// Creates an opportunity; `probability` defaults to the stage's.
    public init(id: OpportunityID = OpportunityID(), accountID: AccountID, ownerID: UserID, name: String,
                stage: OpportunityStage, amount: Money, closeDate: CalendarDay, probability: Int? = nil) {
        self.id = id
        self.accountID = accountID
        self.ownerID = ownerID
        self.name = name
        self.stage = stage
        self.amount = amount
        self.closeDate = closeDate
        self.probability = probability ?? stage.defaultProbability
    }

    /// The forecast category, from the stage.
    public var forecastCategory: ForecastCategory { stage.forecastCategory }

    public func validate() throws(ValidationError) {
        try Check.required(name, "name")
        guard (0...100).contains(probability) else {
            throw ValidationError(.outOfRange, field: "probability", "must be between 0 and 100 (got \(probability))")
        }
        if stage == .closedWon, probability != 100 {
            throw ValidationError(.inconsistent, field: "probability", "must be 100 for a closed_won opportunity (got \(probability))")
        }
        if stage == .closedLost, probability != 0 {
            throw ValidationError(.inconsistent, field: "probability", "must be 0 for a closed_lost opportunity (got \(probability))")
        }
        try Check.notNegative(amount, "amount")
    }
}
