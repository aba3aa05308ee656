@testable import FieldClient
import Forecasting
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostReplication
import Testing

@Suite("The forecast read from sealed summaries", .serialized)
struct ForecastSummaryTests {
    static let quarter = ForecastPeriod.quarter(year: 2026, quarter: 4)

    @Test("The forecast from summaries equals the one from whole states: bootstrapped, with pending writes, synced, and on rows without summaries",
          .timeLimit(.minutes(3)))
    func summariesAgreeWithWholeStates() async throws {
        try await LiveHub.with { hub, company in
            let boss = try await hub.bootstrapped(company.manager)
            let before = try Self.agree(boss, root: company.europe.id, "after the bootstrap")
            #expect(before.total.computed.deals > 0)

            // Offline: a stage and an amount change, a delete, a new deal, and an account moved north to south.
            let north = company.accounts(in: company.north)[0]
            let deals = company.opportunities.filter { Self.quarter.contains($0.closeDate) }
            try boss.update(RecordID(deals[0].id), fields: [try field(.opportunity, "stage"): .string("closed_won"),
                                                         try field(.opportunity, "probability"): .int(100)])
            try boss.update(RecordID(deals[1].id), fields: [try field(.opportunity, "amount"): .decimal(units: 7_777_00, scale: 2)])
            try boss.delete(RecordID(deals[2].id))
            try boss.create(Opportunity(accountID: north.id, ownerID: company.repNorth.id, name: "Offline deal", stage: .negotiation,
                                        amount: Money(minorUnits: 12_345_00, currency: .eur), closeDate: try CalendarDay(year: 2026, month: 12, day: 1)))
            try boss.update(RecordID(north.id), fields: [try field(.account, "territory_id"): .bytes(RecordID(company.south.id).bytes)])
            let pending = try Self.agree(boss, root: company.europe.id, "with pending writes")
            #expect(pending != before)

            _ = try await sync(boss)
            #expect(try boss.pendingWrites().isEmpty)
            #expect(try Self.agree(boss, root: company.europe.id, "after the sync") == pending)

            // A replica stored before summaries existed: every row opened whole.
            try await DatabaseQueue(path: boss.folder.appendingPathComponent(Replica.fileName).path).write { db in
                try db.execute(sql: "UPDATE record SET summary = NULL, period = NULL")
            }
            #expect(try Self.agree(boss, root: company.europe.id, "without summaries") == pending)
            #expect(try boss.check().isIntact)
        }
    }

    @Test("A close-quarter index moved to another opportunity is reported by outpost check", .timeLimit(.minutes(3)))
    func alteredPeriodIndexIsReported() async throws {
        try await LiveHub.with { hub in
            let boss = try await hub.bootstrapped(hub.company.manager)
            try await DatabaseQueue(path: boss.folder.appendingPathComponent(Replica.fileName).path).write { db in
                let kind = Int64(ReplicatedKind.opportunity.rawValue)
                let id = try #require(try Data.fetchOne(db, sql: "SELECT id FROM record WHERE kind = ? ORDER BY id LIMIT 1", arguments: [kind]))
                try db.execute(sql: "UPDATE record SET period = zeroblob(16) WHERE id = ?", arguments: [id])
            }
            let check = try boss.check()
            #expect(check.problems.count == 1 && check.problems[0].contains("close-quarter index"), "\(check.problems)")
        }
    }

    @Test("A summary moved to another record's row fails to open: the forecast refuses and outpost check reports it",
          .timeLimit(.minutes(3)))
    func movedSummaryIsRefused() async throws {
        try await LiveHub.with { hub in
            let boss = try await hub.bootstrapped(hub.company.manager)
            try await DatabaseQueue(path: boss.folder.appendingPathComponent(Replica.fileName).path).write { db in
                let kind = Int64(ReplicatedKind.opportunity.rawValue)
                let ids = try Data.fetchAll(db, sql: "SELECT id FROM record WHERE kind = ? ORDER BY id LIMIT 2", arguments: [kind])
                try db.execute(sql: "UPDATE record SET summary = (SELECT summary FROM record WHERE id = ?) WHERE id = ?", arguments: [ids[0], ids[1]])
            }
            #expect {
                _ = try boss.forecastBook()
            } throws: { error in
                (error as? ReplicaError)?.code == .corrupt
            }
            let check = try boss.check()
            #expect(check.problems.count == 1 && check.problems[0].contains("summary"), "\(check.problems)")
        }
    }

    /// Checks that the forecast of `root` from summaries, whole or read for the quarter
    /// through its index (and for a month of it), equals the one computed from every
    /// record opened whole (as the replica did before summaries), and returns it.
    static func agree(_ replica: Replica, root: TerritoryID, _ when: Comment) throws -> TerritoryForecast {
        let fast = try #require(try replica.forecastBook().forecast(period: quarter, root: root))
        #expect(try replica.forecastBook(period: quarter).forecast(period: quarter, root: root) == fast, when)
        let december = ForecastPeriod.month(year: 2026, month: 12)
        #expect(try replica.forecastBook(period: december).forecast(period: december, root: root)
            == replica.forecastBook().forecast(period: december, root: root), when)
        var territoryOf: [AccountID: TerritoryID] = [:]
        let field = try #require(ReplicatedKind.account.fieldID(named: "territory_id"))
        for account in try replica.records(of: .account) where !account.view.isDeleted {
            if case .bytes(let bytes) = account.view.values[field], let territory = try? RecordID(bytes: bytes) {
                territoryOf[AccountID(account.id)] = TerritoryID(territory)
            }
        }
        let deals = (try replica.live(.opportunity) as [Opportunity]).compactMap { opportunity in
            territoryOf[opportunity.accountID].map { Deal(opportunity, territoryID: $0) }
        }
        let whole = ForecastBook(territories: try replica.live(.territory), users: try replica.live(.user), deals: deals,
                                 submissions: try replica.live(.forecastSubmission), adjustments: try replica.live(.forecastAdjustment),
                                 quotas: try replica.live(.quota)).forecast(period: quarter, root: root)
        #expect(fast == whole, when)
        return fast
    }

    private func field(_ kind: ReplicatedKind, _ name: String) throws -> FieldID {
        try #require(kind.fieldID(named: name))
    }
}
