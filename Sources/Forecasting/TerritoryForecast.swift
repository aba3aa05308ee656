public import OutpostModel

/// One territory's forecast for a period: its own line (opportunities, submissions
/// and quotas of the territory itself), its reps' lines, and its children. `total`
/// is always `own` plus the children's totals.
public struct TerritoryForecast: Hashable, Sendable, Encodable {
    /// The territory.
    public var territoryID: TerritoryID
    /// Its name.
    public var name: String
    /// Names from the root down, e.g. `["World", "EMEA", "DACH"]`.
    public var path: [String]
    /// The territory's own figures, without its children.
    public var own: ForecastLine
    /// The roll-up: `own` plus every child's `total`.
    public var total: ForecastLine
    /// Per user with figures in this territory itself (drill-down).
    public var reps: [RepForecast]
    /// The child territories, by name.
    public var children: [TerritoryForecast]

    enum CodingKeys: String, CodingKey {
        case territoryID = "territory_id"
        case name, path, own, total, reps, children
    }
}

/// One user's figures in one territory for a period, with the history of managers'
/// adjustments to their submission.
public struct RepForecast: Hashable, Sendable, Encodable {
    /// The user.
    public var userID: UserID
    /// The user's login name.
    public var name: String
    /// The figures.
    public var line: ForecastLine
    /// The submission counted, if any.
    public var submissionID: EntityID<ForecastSubmission>?
    /// Every adjustment of that submission, oldest first; the latest per category is in force.
    public var adjustments: [AdjustmentEvent]

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case submissionID = "submission_id"
        case name, line, adjustments
    }
}

/// A manager's adjustment as an event in a submission's history.
public struct AdjustmentEvent: Hashable, Sendable, Encodable {
    /// The adjustment record.
    public var id: EntityID<ForecastAdjustment>
    /// Who made it (login name, or the id when the user is unknown).
    public var manager: String
    /// The figure adjusted.
    public var category: ForecastCategory
    /// The manager's figure.
    public var amount: Money
    /// Why.
    public var note: String?
    /// When (seconds since 1970), if known.
    public var madeAt: Int?
    /// Whether it is the latest adjustment of its category.
    public var inForce: Bool

    enum CodingKeys: String, CodingKey {
        case id, manager, category, note
        case amount, currency
        case madeAt = "made_at"
        case inForce = "in_force"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(manager, forKey: .manager)
        try container.encode(category, forKey: .category)
        try container.encode(amount.decimalString, forKey: .amount)
        try container.encode(amount.currency.code, forKey: .currency)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(madeAt, forKey: .madeAt)
        try container.encode(inForce, forKey: .inForce)
    }
}
