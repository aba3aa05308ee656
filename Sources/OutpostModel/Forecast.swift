/// A forecast period: a calendar month or quarter, written `2026-11` or `2026Q4`.
public enum ForecastPeriod: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)

    /// Parses `2026-11` or `2026Q4`.
    /// - Throws: `ValidationError` for any other shape.
    public init(parsing text: String) throws(ValidationError) {
        let upper = text.uppercased()
        if let q = upper.firstIndex(of: "Q"), let year = Int(upper[..<q]), let quarter = Int(upper[upper.index(after: q)...]),
           (1900...2999).contains(year), (1...4).contains(quarter) {
            self = .quarter(year: year, quarter: quarter)
            return
        }
        let parts = upper.split(separator: "-")
        if parts.count == 2, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
           (1900...2999).contains(year), (1...12).contains(month) {
            self = .month(year: year, month: month)
            return
        }
        throw ValidationError(.badFormat, field: "period", "must be a month such as 2026-11 or a quarter such as 2026Q4 (got \"\(text)\")")
    }

    /// The period holding `day`: its quarter or its month.
    public static func quarter(of day: CalendarDay) -> ForecastPeriod { .quarter(year: day.year, quarter: day.quarter) }

    /// See ``quarter(of:)``.
    public static func month(of day: CalendarDay) -> ForecastPeriod { .month(year: day.year, month: day.month) }

    /// Whether `day` falls in the period.
    public func contains(_ day: CalendarDay) -> Bool {
        switch self {
        case let .month(year, month): day.year == year && day.month == month
        case let .quarter(year, quarter): day.year == year && day.quarter == quarter
        }
    }

    public var description: String {
        switch self {
        case let .month(year, month): month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
        case let .quarter(year, quarter): "\(year)Q\(quarter)"
        }
    }

    public static func < (lhs: ForecastPeriod, rhs: ForecastPeriod) -> Bool { lhs.description < rhs.description }
}

/// A rep's submitted forecast for one territory and period.
public struct ForecastSubmission: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: EntityID<ForecastSubmission>
    public var ownerID: UserID
    public var territoryID: TerritoryID
    public var period: ForecastPeriod
    /// The submitted figure per category.
    public var amounts: [ForecastCategory: Money]

    public init(id: EntityID<ForecastSubmission> = EntityID<ForecastSubmission>(), ownerID: UserID,
                territoryID: TerritoryID, period: ForecastPeriod, amounts: [ForecastCategory: Money]) {
        self.id = id
        self.ownerID = ownerID
        self.territoryID = territoryID
        self.period = period
        self.amounts = amounts
    }

    public func validate() throws(ValidationError) {
        if let currency = amounts.values.first?.currency,
           let other = amounts.values.first(where: { $0.currency != currency }) {
            throw ValidationError(.inconsistent, field: "amounts", "all amounts must be in one currency (got \(currency) and \(other.currency))")
        }
    }
}

/// A manager's override of a subordinate's forecast, kept beside the submission, never over it.
///
/// It names either the rep's submission or, for a rep who has not submitted (yet),
/// the rep, territory and period it stands for; a standing adjustment applies to the
/// rep's computed figures, and to their submission once one arrives.
public struct ForecastAdjustment: Hashable, Sendable, Codable, Identifiable, Validatable {
    public var id: EntityID<ForecastAdjustment>
    /// The submission adjusted; `nil` for a standing adjustment.
    public var submissionID: EntityID<ForecastSubmission>?
    public var managerID: UserID
    public var category: ForecastCategory
    public var amount: Money
    public var note: String?
    /// When the manager made it (seconds since 1970, the device's clock): the latest
    /// adjustment of a category is the one in force; the earlier ones stay as history.
    public var madeAt: Int?
    /// A standing adjustment's rep, territory and period (all three, or none).
    public var repID: UserID?
    public var territoryID: TerritoryID?
    public var period: ForecastPeriod?

    /// An adjustment of a submission.
    public init(id: EntityID<ForecastAdjustment> = EntityID<ForecastAdjustment>(), submissionID: EntityID<ForecastSubmission>,
                managerID: UserID, category: ForecastCategory, amount: Money, note: String? = nil, madeAt: Int? = nil) {
        self.id = id
        self.submissionID = submissionID
        self.managerID = managerID
        self.category = category
        self.amount = amount
        self.note = note
        self.madeAt = madeAt
    }

    /// A standing adjustment of `rep`'s figure in `territory` for `period`, whether or
    /// not the rep has submitted.
    public init(id: EntityID<ForecastAdjustment> = EntityID<ForecastAdjustment>(), rep: UserID, territoryID: TerritoryID,
                period: ForecastPeriod, managerID: UserID, category: ForecastCategory, amount: Money, note: String? = nil,
                madeAt: Int? = nil) {
        self.id = id
        self.managerID = managerID
        self.category = category
        self.amount = amount
        self.note = note
        self.madeAt = madeAt
        self.repID = rep
        self.territoryID = territoryID
        self.period = period
    }

    public func validate() throws(ValidationError) {
        let standing = [repID != nil, territoryID != nil, period != nil]
        if submissionID != nil, standing.contains(true) {
            throw ValidationError(.inconsistent, field: "submission_id", "names a submission and also a rep, territory or period; give one or the other")
        }
        if submissionID == nil, standing.contains(false) {
            throw ValidationError(.inconsistent, field: "rep_id", "an adjustment without a submission needs its rep, territory and period")
        }
    }
}
