import Foundation
import OutpostDemo
import OutpostModel
import OutpostStore
import Testing

@Suite("Demo company determinism")
struct DeterminismTests {
    @Test("The same seed gives the same batch, ids included", arguments: DemoScale.allCases.filter { $0 != .large })
    func sameSeed(scale: DemoScale) {
        let first = DemoCompany.generate(scale: scale, seed: 7, pcModel: Fixtures.pcModel)
        let second = DemoCompany.generate(scale: scale, seed: 7, pcModel: Fixtures.pcModel)
        #expect(first == second)
    }

    @Test("Different seeds give different companies of the same shape")
    func differentSeeds() {
        let one = DemoCompany.generate(scale: .small, seed: 1, pcModel: nil)
        let two = DemoCompany.generate(scale: .small, seed: 2, pcModel: nil)
        #expect(one != two)
        #expect(Set(one.accounts.map(\.id)).isDisjoint(with: two.accounts.map(\.id)))
        #expect(one.accounts.map(\.name) != two.accounts.map(\.name))
        #expect(one.territories.map(\.name) == two.territories.map(\.name))
    }

    @Test("Generated ids are time-ordered (version 7) UUIDs, minted in the order records are drawn")
    func uuidVersion() {
        let contacts = Fixtures.small.contacts.map(\.id)
        for id in contacts.map(\.uuid) {
            #expect(id.uuid.6 >> 4 == 7)
            #expect(id.uuid.8 >> 6 == 0b10)
        }
        #expect(contacts == contacts.sorted())
        #expect(Set(contacts).count == contacts.count)
        // Minted from the year before the demo's today, as its history.
        let minted = Fixtures.small.contacts[0].id.uuid.uuid
        let milliseconds = [minted.0, minted.1, minted.2, minted.3, minted.4, minted.5].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let day = Int(milliseconds / 86_400_000)
        #expect((DemoCompany.defaultToday.adding(days: -365).daysSinceEpoch...DemoCompany.defaultToday.daysSinceEpoch).contains(day))
    }

    @Test("Dates follow the given today, not the clock")
    func today() throws {
        #expect(DemoCompany.defaultToday.description == "2026-11-24")
        let today = try CalendarDay(year: 2027, month: 3, day: 10)
        let batch = DemoCompany.generate(scale: .small, pcModel: nil, today: today)
        #expect(batch.forecastSubmissions.allSatisfy { $0.period == .quarter(year: 2027, quarter: 1) })
        #expect(batch.activities.contains { $0.day == today })
        #expect(batch.activities.allSatisfy { $0.day <= today.adding(days: 30) })
    }
}
