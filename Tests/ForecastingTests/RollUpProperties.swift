import Forecasting
import OutpostModel
import PropertyBased
import Testing

@Suite("Forecast roll-up")
struct RollUpProperties {
    @Test("A territory's total is its own line plus its children's totals")
    func parentIsSumOfChildren() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            let company = RandomCompany(seed: seed)
            let root = try #require(company.forecast)
            for node in RandomCompany.nodes(root) {
                #expect(node.total == node.children.reduce(node.own) { $0 + $1.total })
                #expect(node.own == node.reps.reduce(ForecastLine()) { $0 + $1.line })
            }
        }
    }

    @Test("The root's figures equal a direct sum over the raw opportunities, and Omitted counts nowhere")
    func rootMatchesRawOpportunities() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            let company = RandomCompany(seed: seed)
            let root = try #require(company.forecast)
            var sums: [ForecastCategory: [Currency: Int64]] = [:]
            for deal in company.deals where RandomCompany.period.contains(deal.closeDate) {
                sums[deal.stage.forecastCategory, default: [:]][deal.amount.currency, default: 0]
                    += deal.amount.minorUnits
            }
            let figures = root.total.computed.figures
            for currency in [Currency.eur, .gbp] {
                let raw: (ForecastCategory) -> Int64 = { sums[$0]?[currency] ?? 0 }
                #expect(figures.closed[currency].minorUnits == raw(.closed))
                #expect(figures.commit[currency].minorUnits == raw(.commit) + raw(.closed))
                #expect(figures.bestCase[currency].minorUnits == raw(.bestCase) + raw(.commit) + raw(.closed))
                #expect(figures.pipeline[currency].minorUnits == raw(.pipeline) + raw(.bestCase) + raw(.commit))
            }
        }
    }

    @Test("Cumulative figures are monotone: Closed ≤ Commit ≤ Best Case, and open pipeline covers Best Case beyond Closed")
    func cumulativeIsMonotone() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            let company = RandomCompany(seed: seed)
            let root = try #require(company.forecast)
            for node in RandomCompany.nodes(root) {
                let figures = node.total.computed.figures
                for currency in [Currency.eur, .gbp] {
                    #expect(figures.closed[currency] <= figures.commit[currency])
                    #expect(figures.commit[currency] <= figures.bestCase[currency])
                    #expect(figures.bestCase[currency].minorUnits - figures.closed[currency].minorUnits
                            <= figures.pipeline[currency].minorUnits)
                }
            }
        }
    }

    @Test("Adjustments change only the adjusted figures; submissions, quotas and computed figures stay as they were")
    func adjustmentsNeverOverwrite() async {
        await propertyCheck(count: 60, input: Gen.uint64()) { seed in
            let company = RandomCompany(seed: seed)
            let without = ForecastBook(territories: company.territories, users: company.users, deals: company.deals.map(DealGroup.init),
                                       submissions: company.submissions, adjustments: [], quotas: company.quotas)
            let root = company.territories[0].id
            let plain = try #require(without.forecast(period: RandomCompany.period, root: root))
            let adjusted = try #require(company.book.forecast(period: RandomCompany.period, root: root))
            #expect(plain.total.computed == adjusted.total.computed)
            #expect(plain.total.submitted == adjusted.total.submitted)
            #expect(plain.total.quota == adjusted.total.quota)
            #expect(plain.total.adjusted == plain.total.submitted)
        }
    }

    @Test("The latest adjustment of a category is in force; earlier ones stay in the history")
    func latestAdjustmentWins() throws {
        let territory = Territory(name: "North")
        let rep = User(name: "rep", displayName: "Rep", role: .rep, territoryIDs: [territory.id])
        let boss = User(name: "boss", displayName: "Boss", role: .manager)
        let period = RandomCompany.period
        let submission = ForecastSubmission(ownerID: rep.id, territoryID: territory.id, period: period,
                                            amounts: [.commit: Money(minorUnits: 100_00, currency: .eur)])
        let first = ForecastAdjustment(submissionID: submission.id, managerID: boss.id, category: .commit,
                                       amount: Money(minorUnits: 80_00, currency: .eur), madeAt: 10)
        let second = ForecastAdjustment(submissionID: submission.id, managerID: boss.id, category: .commit,
                                        amount: Money(minorUnits: 90_00, currency: .eur), note: "signed today", madeAt: 20)
        let book = ForecastBook(territories: [territory], users: [rep, boss], deals: [], submissions: [submission],
                                adjustments: [second, first], quotas: [])
        let node = try #require(book.forecast(period: period, root: territory.id))
        #expect(node.total.submitted.commit == Amounts(Money(minorUnits: 100_00, currency: .eur)))
        #expect(node.total.adjusted.commit == Amounts(Money(minorUnits: 90_00, currency: .eur)))
        #expect(node.reps.first?.adjustments.map(\.inForce) == [false, true])
        #expect(node.reps.first?.adjustments.map(\.manager) == ["boss", "boss"])
    }
}
