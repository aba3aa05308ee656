public import OutpostModel

/// Everything a forecast is computed from, and the roll-up itself.
///
/// Pure: give it the records (from a device's replica or the server's store) and ask
/// for a period and a territory; the same inputs give the same forecast anywhere.
///
/// ```swift
/// let book = ForecastBook(territories: ts, users: us, deals: ds.map(DealGroup.init), submissions: ss, adjustments: as, quotas: qs)
/// let emea = book.forecast(period: try ForecastPeriod(parsing: "2026Q4"), root: emeaID)
/// print(emea?.total.computed.figures.commit)   // Commit + Closed of the whole subtree
/// ```
///
/// Rules:
/// - an opportunity counts in the period holding its close date, in its account's
///   territory, under its owner, in its stage's category;
/// - a submission and a quota count in exactly their own period (a month's are not
///   added into the quarter); if a user has several submissions for one territory
///   and period, the one with the greatest id counts;
/// - an adjustment replaces one figure of a submission; the latest (by `madeAt`, then
///   id) per category is in force, and every adjustment stays in the history;
/// - a standing adjustment (a rep, territory and period instead of a submission)
///   replaces a figure of that rep's submission there, or of their computed figures
///   while they have not submitted;
/// - a territory's total is its own line plus its children's totals.
public struct ForecastBook: Sendable {
    /// The territory hierarchy.
    public let tree: TerritoryTree
    private let userNames: [UserID: String]
    private let deals: [DealGroup]
    private let submissions: [ForecastSubmission]
    private let adjustments: [EntityID<ForecastSubmission>: [ForecastAdjustment]]
    private let standing: [StandingKey: [ForecastAdjustment]]
    private let quotas: [Quota]

    /// Gathers the inputs: the opportunities as groups (one per deal, or merged).
    public init(territories: [Territory], users: [User], deals: [DealGroup], submissions: [ForecastSubmission],
                adjustments: [ForecastAdjustment], quotas: [Quota]) {
        tree = TerritoryTree(territories)
        userNames = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        self.deals = deals
        self.submissions = submissions
        self.adjustments = Dictionary(grouping: adjustments.compactMap { adjustment in
            adjustment.submissionID.map { ($0, adjustment) }
        }, by: \.0).mapValues { $0.map(\.1) }
        self.standing = Dictionary(grouping: adjustments.compactMap { adjustment in
            StandingKey(adjustment).map { ($0, adjustment) }
        }, by: \.0).mapValues { $0.map(\.1) }
        self.quotas = quotas
    }

    /// The forecast of `root`'s subtree for `period`, or `nil` for an unknown territory.
    public func forecast(period: ForecastPeriod, root: TerritoryID) -> TerritoryForecast? {
        guard tree.byID[root] != nil else { return nil }
        let scope = tree.subtree(of: [root])
        var reps: [TerritoryID: [UserID: RepForecast]] = [:]
        func rep(_ user: UserID, _ territory: TerritoryID, _ change: (inout RepForecast) -> Void) {
            var entry = reps[territory, default: [:]][user] ?? RepForecast(
                userID: user, name: userNames[user] ?? user.description, line: ForecastLine(), submissionID: nil, adjustments: [])
            change(&entry)
            reps[territory, default: [:]][user] = entry
        }
        for deal in deals where scope.contains(deal.territoryID) && period.contains(deal.closeDate) {
            rep(deal.ownerID, deal.territoryID) { $0.line.computed.add(deal) }
        }
        var counted: [TerritoryID: [UserID: ForecastSubmission]] = [:]
        for submission in submissions where submission.period == period && scope.contains(submission.territoryID) {
            if let other = counted[submission.territoryID]?[submission.ownerID], other.id > submission.id { continue }
            counted[submission.territoryID, default: [:]][submission.ownerID] = submission
        }
        for (territory, byUser) in counted {
            for (user, submission) in byUser {
                rep(user, territory) { self.apply(submission, to: &$0) }
            }
        }
        for (key, adjustments) in standing where key.period == period && scope.contains(key.territory)
            && counted[key.territory]?[key.rep] == nil {
            rep(key.rep, key.territory) { self.apply(adjustments, to: $0.line.computed.figures, entry: &$0) }
        }
        for quota in quotas where quota.period == period && scope.contains(quota.territoryID) {
            rep(quota.userID, quota.territoryID) { $0.line.quota.add(quota.amount) }
        }
        return node(root, reps)
    }

    /// Sets the submitted and adjusted figures of `submission` and its adjustment history
    /// (its own adjustments and the standing ones of its rep, territory and period).
    private func apply(_ submission: ForecastSubmission, to entry: inout RepForecast) {
        let submitted = Figures(submitted: submission.amounts)
        let key = StandingKey(rep: submission.ownerID, territory: submission.territoryID, period: submission.period)
        entry.line.submitted = submitted
        entry.line.submissions = 1
        entry.submissionID = submission.id
        apply((adjustments[submission.id] ?? []) + (standing[key] ?? []), to: submitted, entry: &entry)
    }

    /// Sets the adjusted figures (`base` with the adjustments in force) and the history.
    private func apply(_ adjustments: [ForecastAdjustment], to base: Figures, entry: inout RepForecast) {
        let history = adjustments.sorted { ($0.madeAt ?? .min, $0.id) < ($1.madeAt ?? .min, $1.id) }
        var latest: [ForecastCategory: EntityID<ForecastAdjustment>] = [:]
        for adjustment in history where adjustment.category != .omitted { latest[adjustment.category] = adjustment.id }
        var adjusted = base
        for adjustment in history where latest[adjustment.category] == adjustment.id {
            adjusted[adjustment.category] = Amounts(adjustment.amount)
        }
        entry.line.adjusted = adjusted
        entry.line.adjustments = latest.count
        entry.adjustments = history.map { adjustment in
            AdjustmentEvent(id: adjustment.id, manager: userNames[adjustment.managerID] ?? adjustment.managerID.description,
                            category: adjustment.category, amount: adjustment.amount, note: adjustment.note,
                            madeAt: adjustment.madeAt, inForce: latest[adjustment.category] == adjustment.id)
        }
    }

    private func node(_ id: TerritoryID, _ reps: [TerritoryID: [UserID: RepForecast]]) -> TerritoryForecast {
        let lines = (reps[id] ?? [:]).values.sorted { ($0.name, $0.userID) < ($1.name, $1.userID) }
        let own = lines.reduce(ForecastLine()) { $0 + $1.line }
        let children = tree.children(of: id).map { node($0.id, reps) }
        return TerritoryForecast(territoryID: id, name: tree.byID[id]?.name ?? id.description, path: tree.path(of: id),
                                 own: own, total: children.reduce(own) { $0 + $1.total }, reps: lines, children: children)
    }
}

/// Whose figure a standing adjustment replaces: a rep's, in a territory, for a period.
private struct StandingKey: Hashable {
    let rep: UserID
    let territory: TerritoryID
    let period: ForecastPeriod

    init(rep: UserID, territory: TerritoryID, period: ForecastPeriod) {
        self.rep = rep
        self.territory = territory
        self.period = period
    }

    /// The key of a standing adjustment; `nil` for one of a submission.
    init?(_ adjustment: ForecastAdjustment) {
        guard adjustment.submissionID == nil, let rep = adjustment.repID, let territory = adjustment.territoryID,
              let period = adjustment.period else { return nil }
        self.init(rep: rep, territory: territory, period: period)
    }
}
