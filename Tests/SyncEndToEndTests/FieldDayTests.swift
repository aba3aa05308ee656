import FieldClient
import Forecasting
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostServer
import Testing

@Suite("A field day, end to end", .serialized)
struct FieldDayTests {
    static let quarter = ForecastPeriod.quarter(year: 2026, quarter: 4)

    @Test("A rep and a manager: offline work, sync, a conflict resolved, a forecast submitted, adjusted and rolled up")
    func day() async throws {
        try await LiveHub.with { hub, company in
            let rep = try await hub.bootstrapped(company.repNorth)
            let boss = try await hub.bootstrapped(company.manager)

            // Offline: the rep logs a visit, wins a deal and opens a committed one.
            let account = company.accounts(in: company.north)[0]
            let today = try CalendarDay(year: 2026, month: 11, day: 24)
            try rep.create(Activity(kind: .visit, subject: "Visit", day: today, accountID: account.id, ownerID: company.repNorth.id,
                                    done: true, notes: "Walked the line"))
            try rep.update(RecordID(account.id), fields: [try field(.account, "last_visit"): .int(Int64(today.daysSinceEpoch))])
            let won = company.opportunities.first { $0.accountID == account.id }!
            try rep.update(RecordID(won.id), fields: [try field(.opportunity, "stage"): .string("closed_won"),
                                                      try field(.opportunity, "probability"): .int(100)])
            let committed = Opportunity(accountID: account.id, ownerID: company.repNorth.id, name: "Line 2", stage: .negotiation,
                                        amount: Money(minorUnits: 48_000_00, currency: .eur), closeDate: try CalendarDay(year: 2026, month: 12, day: 20))
            try rep.create(committed)
            // Meanwhile the manager changes the same account's phone.
            let phone = try field(.account, "phone")
            try rep.update(RecordID(account.id), fields: [phone: .string("+49 40 100")])
            try boss.update(RecordID(account.id), fields: [phone: .string("+49 40 200")])
            #expect(try rep.pendingWrites().count == 5)
            _ = try await sync(rep)
            let bossReport = try await sync(boss)
            _ = try await sync(rep)

            // The conflict is seen on both devices, with both values; the rep settles it.
            #expect(bossReport.conflicts == 1)
            let seen = try #require(try rep.record(RecordID(account.id))).view
            #expect(seen.conflicts[phone]?.map(\.value) == [.string("+49 40 100")] && seen.values[phone] == .string("+49 40 200"))
            #expect(try rep.conflictedRecords().map(\.id) == [RecordID(account.id)])
            try rep.update(RecordID(account.id), fields: [phone: .string("+49 40 100")])
            _ = try await sync(rep)
            _ = try await sync(boss)
            for replica in [rep, boss] {
                let view = try #require(try replica.record(RecordID(account.id))).view
                #expect(!view.hasConflicts && view.values[phone] == .string("+49 40 100"))
                #expect(try replica.conflictedRecords().isEmpty)
            }

            // The rep submits the computed figures with a higher commit; the manager sets a
            // quota and adjusts the commit down. The submission stays as submitted.
            let computed = try #require(try rep.forecastBook().forecast(period: Self.quarter, root: company.north.id)).total.computed.figures
            let submission = ForecastSubmission(
                ownerID: company.repNorth.id, territoryID: company.north.id, period: Self.quarter,
                amounts: [.closed: computed.closed[.eur], .commit: Money(minorUnits: 60_000_00, currency: .eur),
                          .bestCase: computed.bestCase[.eur], .pipeline: computed.pipeline[.eur]])
            try rep.create(submission)
            // A rep's device may not adjust its own forecast: the server refuses, with a reason kept on the device.
            try rep.create(ForecastAdjustment(submissionID: submission.id, managerID: company.repNorth.id, category: .commit,
                                              amount: Money(minorUnits: 90_000_00, currency: .eur)))
            #expect(try await sync(rep).rejected == 1)
            #expect(try rep.rejectedWrites().first?.message.contains("only a manager") == true)
            _ = try await sync(boss)
            try boss.create(Quota(userID: company.repNorth.id, territoryID: company.north.id, period: Self.quarter,
                                  amount: Money(minorUnits: 150_000_00, currency: .eur)))
            try boss.create(ForecastAdjustment(submissionID: submission.id, managerID: company.manager.id, category: .commit,
                                               amount: Money(minorUnits: 52_000_00, currency: .eur), note: "Line 2 slips", madeAt: 1))
            let report = try await sync(boss)
            #expect(report.accepted == 2 && report.rejected == 0)
            _ = try await sync(rep)

            // The manager's roll-up matches a figure computed here from the raw opportunities.
            var opportunities = company.opportunities.filter { $0.id != won.id }
            var closed = won
            closed.stage = .closedWon
            closed.probability = 100
            opportunities += [closed, committed]
            let inQuarter = opportunities.filter { Self.quarter.contains($0.closeDate) }
            let sum: (Set<OpportunityStage>) -> Int64 = { stages in
                inQuarter.filter { stages.contains($0.stage) }.map(\.amount.minorUnits).reduce(0, +)
            }
            let europe = try #require(try boss.forecastBook().forecast(period: Self.quarter, root: company.europe.id))
            let figures = europe.total.computed.figures
            #expect(figures.closed[.eur].minorUnits == sum([.closedWon]))
            #expect(figures.commit[.eur].minorUnits == sum([.closedWon, .negotiation]))
            #expect(figures.pipeline[.eur].minorUnits == sum([.prospecting, .qualification, .proposal, .negotiation]))
            #expect(europe.total.submitted.commit[.eur].minorUnits == 60_000_00)
            #expect(europe.total.adjusted.commit[.eur].minorUnits == 52_000_00)
            #expect(europe.total.quota[.eur].minorUnits == 150_000_00)
            let north = try #require(europe.children.first { $0.territoryID == company.north.id })
            #expect(north.reps.first?.adjustments.map(\.note) == ["Line 2 slips"])

            // The server computes the same forecast from its store, and the rep's device agrees on its own territory.
            let onServer = try #require(try await forecastBook(hub.store).forecast(period: Self.quarter, root: company.europe.id))
            #expect(onServer == europe)
            #expect(try rep.forecastBook().forecast(period: Self.quarter, root: company.north.id) == north)
        }
    }

    private func field(_ kind: ReplicatedKind, _ name: String) throws -> FieldID {
        try #require(kind.fieldID(named: name))
    }
}
