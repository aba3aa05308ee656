import Forecasting
import OutpostModel
import PropertyBased
import SeededRandom
import Testing

@Suite("Deal groups")
struct DealGroupProperties {
    @Test("Merged groups give every month's and quarter's forecast the figures of the deals one by one, also after groups are taken away again")
    func mergedGroupsForecastAsTheirDeals() async {
        await propertyCheck(count: 100, input: Gen.uint64()) { seed in
            let company = RandomCompany(seed: seed)
            var rng = SplitMix(seed: seed)
            // Some deals counted twice and then taken away, in a shuffled order, as a replica's totals are corrected.
            let extra = company.deals.filter { _ in Bool.random(using: &rng) }.map(DealGroup.init)
            let groups = DealGroup.merged((company.deals.map(DealGroup.init) + extra + extra.map(\.negated)).shuffled(using: &rng))
            #expect(groups.count <= company.deals.count)
            #expect(groups.allSatisfy { $0.count > 0 })
            let merged = ForecastBook(territories: company.territories, users: company.users, deals: groups,
                                      submissions: company.submissions, adjustments: company.adjustments, quotas: company.quotas)
            let root = company.territories[0].id
            let periods: [ForecastPeriod] = [RandomCompany.period, .quarter(year: 2027, quarter: 1), .month(year: 2026, month: 11),
                                             .month(year: 2026, month: 12), .month(year: 2027, month: 1)]
            for period in periods {
                #expect(merged.forecast(period: period, root: root) == company.book.forecast(period: period, root: root), "\(period)")
            }
        }
    }
}
