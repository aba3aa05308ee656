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
            // The sync's changes made the quarter's total stale, and the sync computed it again.
            #expect(try Self.freshTotals(boss) == 1)
            #expect(try Self.agree(boss, root: company.europe.id, "after the sync") == pending)

            // Another device moves a deal out of the quarter and changes another's amount…
            let rep = try await hub.bootstrapped(company.repSouth)
            let southDeals = deals.filter { deal in company.accounts(in: company.south).contains { $0.id == deal.accountID } }
            try rep.update(RecordID(southDeals[0].id), fields: [try field(.opportunity, "close_date"): .int(Int64(try CalendarDay(year: 2027, month: 2, day: 1).daysSinceEpoch))])
            try rep.update(RecordID(southDeals[1].id), fields: [try field(.opportunity, "amount"): .decimal(units: 1_00, scale: 2)])
            // …and the manager's other device moves an account south to north, its deal untouched.
            let tablet = try await hub.bootstrapped(company.manager, name: "tablet")
            try tablet.update(RecordID(company.accounts(in: company.south)[2].id),
                              fields: [try field(.account, "territory_id"): .bytes(RecordID(company.north.id).bytes)])
            _ = try await sync(tablet)
            _ = try await sync(rep)
            let refused = try rep.rejectedWrites()
            #expect(try rep.pendingWrites().isEmpty && refused.isEmpty, "\(refused)")
            #expect(try tablet.pendingWrites().isEmpty && tablet.rejectedWrites().isEmpty)
            _ = try await sync(boss)
            #expect(try Self.freshTotals(boss) == 1)
            let changed = try Self.agree(boss, root: company.europe.id, "after another device's changes")
            #expect(changed != pending)

            // A replica stored before summaries existed: every row opened whole.
            try await DatabaseQueue(path: boss.folder.appendingPathComponent(Replica.fileName).path).write { db in
                try db.execute(sql: "UPDATE record SET summary = NULL, period = NULL")
            }
            #expect(try Self.agree(boss, root: company.europe.id, "without summaries") == changed)
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

    @Test("Bootstrapped accounts and opportunities keep their summaries in their groups; a group's summary that disagrees with its state is reported by outpost check",
          .timeLimit(.minutes(3)))
    func groupsKeepOpportunitySummaries() async throws {
        try await LiveHub.with { hub in
            let boss = try await hub.bootstrapped(hub.company.manager)
            let file = boss.folder.appendingPathComponent(Replica.fileName).path
            let opportunity = Int64(ReplicatedKind.opportunity.rawValue), account = Int64(ReplicatedKind.account.rawValue)
            let count = { (sql: String) in try await DatabaseQueue(path: file).read { db in try Int.fetchOne(db, sql: sql) ?? 0 } }
            let opportunities = try await count("SELECT COUNT(*) FROM record WHERE kind = \(opportunity)")
            #expect(opportunities > 1)
            #expect(try await count("SELECT COUNT(*) FROM record WHERE kind = \(opportunity) AND summary = x'' AND state_group IS NOT NULL")
                == opportunities)
            #expect(try await count("SELECT COUNT(*) FROM record WHERE kind = \(account) AND summary = x'' AND state_group IS NOT NULL") > 0)
            #expect(try boss.check().isIntact)
            let deals = {
                try boss.read { db in
                    var deals: Set<Deal> = []
                    try boss.forEachDeal(db, period: nil, sight: .hub) { deals.insert($0) }
                    return deals
                }
            }
            let read = try deals()

            // One opportunity's summary in its group replaced by another's: the forecast reads
            // it (not the state), and the check finds it.
            try await DatabaseQueue(path: file).write { db in
                let group = try #require(try Int64.fetchOne(db, sql: "SELECT state_group FROM record WHERE kind = \(opportunity) LIMIT 1"))
                let sealed = try #require(try Data.fetchOne(db, sql: "SELECT sealed FROM state_group WHERE id = ?", arguments: [group]))
                var members = try StateGroup.open(sealed, boss.cipher).members
                let deals = Array(members.indices.filter { members[$0].summary != nil && members[$0].kind == opportunity }.prefix(2))
                try #require(deals.count == 2)
                members[deals[1]].summary = members[deals[0]].summary
                try db.execute(sql: "UPDATE state_group SET sealed = ? WHERE id = ?",
                               arguments: [try StateGroup(members: members).sealed(boss.cipher), group])
            }
            #expect(try deals() != read)
            let check = try boss.check()
            #expect(check.problems.count == 1 && check.problems[0].contains("forecast summary disagrees"), "\(check.problems)")
        }
    }

    @Test("A summary moved to another record's row fails to open: the forecast refuses and outpost check reports it",
          .timeLimit(.minutes(3)))
    func movedSummaryIsRefused() async throws {
        try await LiveHub.with { hub in
            let boss = try await hub.bootstrapped(hub.company.manager)
            try await DatabaseQueue(path: boss.folder.appendingPathComponent(Replica.fileName).path).write { db in
                // Two accounts with deals, whose summaries a forecast opens: the first's sealed
                // in its row (as a record changed since its bootstrap keeps it), then put in the second's.
                let kind = Int64(ReplicatedKind.opportunity.rawValue)
                let ids = try Data.fetchAll(db, sql: "SELECT DISTINCT parent FROM record WHERE kind = ? ORDER BY parent LIMIT 2", arguments: [kind])
                let first = try #require(try Row.fetchOne(db, sql: "SELECT kind, territory, parent FROM record WHERE id = ?", arguments: [ids[0]]))
                let id = try RecordID(bytes: [UInt8](ids[0]))
                let summary = try #require(try boss.record(id).flatMap { ForecastSummary.of($0.state) })
                let sealed = try boss.cipher.seal(summary, .recordSummary(id, kind: first[0], territory: first[1], parent: first[2]))
                try db.execute(sql: "UPDATE record SET summary = ? WHERE id IN (?, ?)", arguments: [sealed, ids[0], ids[1]])
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

    @Test("A forecast total moved to another quarter's row fails to open, and an old total put back disagrees: outpost check reports both",
          .timeLimit(.minutes(3)))
    func alteredTotalsAreReported() async throws {
        try await LiveHub.with { hub in
            let company = hub.company
            let boss = try await hub.bootstrapped(company.manager)
            let next = ForecastPeriod.quarter(year: 2027, quarter: 1)
            _ = try boss.forecastBook(period: Self.quarter)
            _ = try boss.forecastBook(period: next)
            let file = boss.folder.appendingPathComponent(Replica.fileName).path
            let old = try await DatabaseQueue(path: file).read { db in
                try Row.fetchAll(db, sql: "SELECT period, total FROM forecast_total").map { ($0[0] as Data, $0[1] as Data) }
            }
            #expect(old.count == 2)

            // A deal changes elsewhere; the manager's sync computes the quarter's total again.
            let rep = try await hub.bootstrapped(company.repSouth)
            let deal = try #require(company.opportunities.first { $0.accountID == company.accounts(in: company.south)[0].id })
            try rep.update(RecordID(deal.id), fields: [try field(.opportunity, "amount"): .decimal(units: 9_00, scale: 2)])
            _ = try await sync(rep)
            _ = try await sync(boss)
            #expect(try boss.check().isIntact)

            // The old totals put back, each in its own row: the changed quarter's no longer agrees.
            try await DatabaseQueue(path: file).write { db in
                for (period, total) in old { try db.execute(sql: "UPDATE forecast_total SET total = ? WHERE period = ?", arguments: [total, period]) }
            }
            let replayed = try boss.check()
            #expect(replayed.problems.count == 1 && replayed.problems[0].contains("\(Self.quarter)") && replayed.problems[0].contains("disagrees"),
                    "\(replayed.problems)")

            // Each total moved to the other quarter's row: neither opens, the forecast refuses.
            try await DatabaseQueue(path: file).write { db in
                try db.execute(sql: "UPDATE forecast_total SET total = ? WHERE period = ?", arguments: [old[1].1, old[0].0])
                try db.execute(sql: "UPDATE forecast_total SET total = ? WHERE period = ?", arguments: [old[0].1, old[1].0])
            }
            #expect {
                _ = try boss.forecastBook(period: Self.quarter)
            } throws: { error in
                (error as? ReplicaError)?.code == .corrupt
            }
            let moved = try boss.check()
            #expect(moved.problems.count == 2 && moved.problems.allSatisfy { $0.contains("forecast total") }, "\(moved.problems)")
        }
    }

    /// How many quarters' forecast totals the replica holds fresh.
    static func freshTotals(_ replica: Replica) throws -> Int {
        try DatabaseQueue(path: replica.folder.appendingPathComponent(Replica.fileName).path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM forecast_total WHERE total IS NOT NULL") ?? 0
        }
    }

    /// Checks that the forecast of `root` from summaries, whole or read for the quarter
    /// through its index (and for a month of it), equals the one computed from every
    /// record opened whole (as the replica did before summaries), and returns it.
    static func agree(_ replica: Replica, root: TerritoryID, _ when: Comment) throws -> TerritoryForecast {
        let fast = try #require(try replica.forecastBook().forecast(period: quarter, root: root))
        // Twice: the first may compute the quarter's total, the second reads it.
        #expect(try replica.forecastBook(period: quarter).forecast(period: quarter, root: root) == fast, when)
        #expect(try replica.forecastBook(period: quarter).forecast(period: quarter, root: root) == fast, when)
        #expect(try freshTotals(replica) >= 1, when)
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
        let whole = ForecastBook(territories: try replica.live(.territory), users: try replica.live(.user), deals: deals.map(DealGroup.init),
                                 submissions: try replica.live(.forecastSubmission), adjustments: try replica.live(.forecastAdjustment),
                                 quotas: try replica.live(.quota)).forecast(period: quarter, root: root)
        #expect(fast == whole, when)
        return fast
    }

    private func field(_ kind: ReplicatedKind, _ name: String) throws -> FieldID {
        try #require(kind.fieldID(named: name))
    }
}
