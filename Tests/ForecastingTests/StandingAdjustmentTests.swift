import Forecasting
import OutpostModel
import Testing

@Suite("Standing adjustments (a rep who has not submitted)")
struct StandingAdjustmentTests {
    let territory = Territory(name: "North")
    let other = Territory(name: "South")
    var rep: User { User(name: "rep", displayName: "Rep", role: .rep, territoryIDs: [territory.id]) }
    let boss = User(name: "boss", displayName: "Boss", role: .manager)
    let period = ForecastPeriod.quarter(year: 2026, quarter: 4)

    func euros(_ amount: Int64) -> Money { Money(minorUnits: amount * 100, currency: .eur) }

    @Test("without a submission it replaces a computed figure; a later submission keeps it in force; other periods and territories ignore it")
    func standsBeforeAndAfterSubmission() throws {
        let rep = self.rep
        let account = AccountID()
        let deal = Deal(Opportunity(accountID: account, ownerID: rep.id, name: "Kegs", stage: .negotiation,
                                                 amount: euros(400), closeDate: try CalendarDay(year: 2026, month: 11, day: 2)),
                        territoryID: territory.id)
        let standing = ForecastAdjustment(rep: rep.id, territoryID: territory.id, period: period, managerID: boss.id,
                                          category: .commit, amount: euros(950), madeAt: 10)
        let elsewhere = ForecastAdjustment(rep: rep.id, territoryID: other.id, period: .quarter(year: 2027, quarter: 1),
                                           managerID: boss.id, category: .commit, amount: euros(1), madeAt: 10)
        let before = ForecastBook(territories: [territory, other], users: [rep, boss], deals: [DealGroup(deal)], submissions: [],
                                  adjustments: [standing, elsewhere], quotas: [])
        let line = try #require(before.forecast(period: period, root: territory.id)?.reps.first)
        #expect(line.submissionID == nil)
        #expect(line.line.adjusted.commit == Amounts(euros(950)))
        #expect(line.line.adjusted.pipeline == line.line.computed.figures.pipeline, "the other figures are the computed ones")
        #expect(line.adjustments.map { $0.inForce } == [true])
        #expect(before.forecast(period: period, root: other.id)?.reps.isEmpty == true)

        let submission = ForecastSubmission(ownerID: rep.id, territoryID: territory.id, period: period,
                                            amounts: [.commit: euros(500), .pipeline: euros(700)])
        let after = ForecastBook(territories: [territory, other], users: [rep, boss], deals: [DealGroup(deal)], submissions: [submission],
                                 adjustments: [standing], quotas: [])
        let submitted = try #require(after.forecast(period: period, root: territory.id)?.reps.first)
        #expect(submitted.submissionID == submission.id)
        #expect(submitted.line.submitted.commit == Amounts(euros(500)))
        #expect(submitted.line.adjusted.commit == Amounts(euros(950)))
        #expect(submitted.line.adjusted.pipeline == Amounts(euros(700)))
    }

    @Test("an adjustment names a submission or a rep, territory and period, never both or half")
    func validation() {
        var both = ForecastAdjustment(submissionID: EntityID(), managerID: boss.id, category: .commit, amount: euros(1))
        both.repID = rep.id
        #expect(throws: ValidationError.self) { try both.validate() }
        var half = ForecastAdjustment(rep: rep.id, territoryID: territory.id, period: period, managerID: boss.id,
                                      category: .commit, amount: euros(1))
        half.period = nil
        #expect(throws: ValidationError.self) { try half.validate() }
    }
}
