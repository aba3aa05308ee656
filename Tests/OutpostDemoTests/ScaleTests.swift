import OutpostDemo
import OutpostModel
import OutpostStore
import Testing

@Suite("Demo company sizes")
struct ScaleTests {
    /// The records a rep's device holds: accounts of their territories and what hangs off them.
    struct Scope {
        var accounts = 0, contacts = 0, opportunities = 0, activities = 0

        init(of login: String, in batch: RecordBatch) {
            let user = batch.users.first { $0.name == login }!
            let territories = TerritoryTree(batch.territories).subtree(of: user.territoryIDs)
            let accountIDs = Set(batch.accounts.filter { territories.contains($0.territoryID) }.map(\.id))
            accounts = accountIDs.count
            contacts = batch.contacts.count { accountIDs.contains($0.accountID) }
            opportunities = batch.opportunities.count { accountIDs.contains($0.accountID) }
            activities = batch.activities.count { accountIDs.contains($0.accountID) }
        }
    }

    @Test("The medium featured rep's scope is about 2,000 / 6,000 / 3,000 / 8,000")
    func featuredMediumScope() {
        let scope = Scope(of: DemoCompany.featuredRep(for: .medium), in: Fixtures.medium)
        let within10Percent = { (count: Int, target: Int) in abs(count - target) * 10 <= target }
        #expect(within10Percent(scope.accounts, 2000))
        #expect(within10Percent(scope.contacts, 6000))
        #expect(within10Percent(scope.opportunities, 3000))
        #expect(within10Percent(scope.activities, 8000))
    }

    @Test("Medium puts the rest of the company around the featured rep")
    func mediumCompany() {
        let batch = Fixtures.medium
        let reps = batch.users.filter { $0.role == .rep }
        #expect(reps.count == 43)
        for rep in reps where rep.name != DemoCompany.featuredRep(for: .medium) {
            #expect(Scope(of: rep.name, in: batch).accounts < 500)
        }
        #expect((8000...12_000).contains(batch.accounts.count))
        #expect(batch.forecastSubmissions.contains { $0.ownerID == reps.first { $0.name == "rep.medium" }!.id })
    }

    @Test("Small is a handful of reps and about fifty accounts")
    func small() {
        let batch = Fixtures.small
        #expect(batch.users.filter { $0.role == .rep }.count == 3)
        #expect((40...60).contains(batch.accounts.count))
        #expect((80...250).contains(batch.contacts.count))
        #expect(batch.territories.count == 9)
        #expect(batch.users.contains { $0.name == DemoCompany.featuredRep(for: .small) })
        #expect(!batch.leads.isEmpty && !batch.forecastSubmissions.isEmpty)
    }

    @Test("Opportunities close around today, in EUR, GBP or USD, with a wide spread of amounts")
    func pipelineShape() throws {
        let batch = Fixtures.medium
        let today = DemoCompany.defaultToday
        let closeDates = batch.opportunities.map(\.closeDate)
        #expect(closeDates.min()! >= (try CalendarDay(year: 2026, month: 4, day: 1)))
        #expect(closeDates.max()! <= (try CalendarDay(year: 2027, month: 6, day: 30)))
        #expect(Set(batch.opportunities.map(\.amount.currency.code)) == ["EUR", "GBP", "USD"])
        #expect(batch.opportunities.filter { $0.closeDate > today }.allSatisfy { !$0.stage.isClosed })
        let amounts = batch.opportunities.map(\.amount.minorUnits).sorted()
        let median = amounts[amounts.count / 2]
        #expect((1_000_000...4_000_000).contains(median))
        #expect(amounts[amounts.count * 95 / 100] > 4 * median)
        #expect(batch.activities.contains { $0.day == today && $0.done })
        #expect(batch.activities.contains { $0.day == today && !$0.done })
    }
}
