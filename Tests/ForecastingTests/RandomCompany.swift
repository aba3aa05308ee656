import SeededRandom
import Foundation
import Forecasting
import OutpostModel

/// A random company: a territory tree, users, deals across two quarters and two
/// currencies, submissions, adjustments and quotas.
struct RandomCompany {
    let territories: [Territory]
    let users: [User]
    let deals: [Deal]
    let submissions: [ForecastSubmission]
    let adjustments: [ForecastAdjustment]
    let quotas: [Quota]
    static let period = ForecastPeriod.quarter(year: 2026, quarter: 4)

    init(seed: UInt64) {
        var rng = SplitMix(seed: seed)
        var territories = [Territory(name: "T0")]
        for index in 1..<Int.random(in: 1...9, using: &rng) {
            territories.append(Territory(name: "T\(index)", parentID: territories.randomElement(using: &rng)!.id))
        }
        let users = (0..<4).map { User(name: "u\($0)", displayName: "U \($0)", role: .rep) }
        let currencies = [Currency.eur, .gbp]
        let periods: [ForecastPeriod] = [Self.period, .quarter(year: 2027, quarter: 1)]
        var deals: [Deal] = []
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            let day = try! CalendarDay(year: Bool.random(using: &rng) ? 2026 : 2027, month: Bool.random(using: &rng) ? 11 : 1,
                                       day: Int.random(in: 1...28, using: &rng))
            let opportunity = Opportunity(
                accountID: AccountID(), ownerID: users.randomElement(using: &rng)!.id, name: "deal",
                stage: OpportunityStage.allCases.randomElement(using: &rng)!,
                amount: Money(minorUnits: Int64.random(in: 0...10_000_000, using: &rng), currency: currencies.randomElement(using: &rng)!),
                closeDate: day)
            deals.append(Deal(opportunity, territoryID: territories.randomElement(using: &rng)!.id))
        }
        var submissions: [ForecastSubmission] = []
        var adjustments: [ForecastAdjustment] = []
        for _ in 0..<Int.random(in: 0...6, using: &rng) {
            var amounts: [ForecastCategory: Money] = [:]
            for category in ForecastCategory.allCases where Bool.random(using: &rng) {
                amounts[category] = Money(minorUnits: Int64.random(in: 0...5_000_000, using: &rng), currency: .eur)
            }
            let submission = ForecastSubmission(ownerID: users.randomElement(using: &rng)!.id,
                                                territoryID: territories.randomElement(using: &rng)!.id,
                                                period: periods.randomElement(using: &rng)!, amounts: amounts)
            submissions.append(submission)
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                adjustments.append(ForecastAdjustment(
                    submissionID: submission.id, managerID: users[0].id, category: ForecastCategory.allCases.randomElement(using: &rng)!,
                    amount: Money(minorUnits: Int64.random(in: 0...5_000_000, using: &rng), currency: .eur),
                    madeAt: Int.random(in: 0...1000, using: &rng)))
            }
        }
        let quotas = (0..<Int.random(in: 0...6, using: &rng)).map { _ in
            Quota(userID: users.randomElement(using: &rng)!.id, territoryID: territories.randomElement(using: &rng)!.id,
                  period: periods.randomElement(using: &rng)!,
                  amount: Money(minorUnits: Int64.random(in: 0...9_000_000, using: &rng), currency: currencies.randomElement(using: &rng)!))
        }
        self.territories = territories
        self.users = users
        self.deals = deals
        self.submissions = submissions
        self.adjustments = adjustments
        self.quotas = quotas
    }

    var book: ForecastBook {
        ForecastBook(territories: territories, users: users, deals: deals.map(DealGroup.init), submissions: submissions,
                     adjustments: adjustments, quotas: quotas)
    }

    /// The whole company's forecast for ``period``, from its root territory.
    var forecast: TerritoryForecast? { book.forecast(period: Self.period, root: territories[0].id) }

    /// Every node of a forecast tree.
    static func nodes(_ root: TerritoryForecast) -> [TerritoryForecast] { [root] + root.children.flatMap(nodes) }
}
