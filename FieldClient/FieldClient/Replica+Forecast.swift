public import Forecasting
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostReplication

extension Replica {
    /// The forecast inputs this replica holds: the territory tree, users, every live
    /// opportunity with its account's territory, submissions, adjustments and quotas.
    /// A manager's replica holds their whole subtree, so the forecast works offline.
    /// - Parameter period: when given, the book holds only the opportunities closing in
    ///   that period's quarter (from the quarter's stored total, see ``dealGroups(quarter:)``),
    ///   so ask it for that period (or a month of that quarter) alone.
    public func forecastBook(period: ForecastPeriod? = nil) throws(ReplicaError) -> ForecastBook {
        let groups: [DealGroup]
        if let period {
            groups = try dealGroups(quarter: ForecastSummary.quarter(of: period))
        } else {
            groups = try read { db in
                var sum = DealGroup.Sum()
                try forEachDeal(db, period: nil, sight: .device(pending: pendingRecords(db))) { sum.add(DealGroup($0)) }
                return sum.groups
            }
        }
        return ForecastBook(territories: try live(.territory), users: try live(.user), deals: groups,
                            submissions: try live(.forecastSubmission), adjustments: try live(.forecastAdjustment),
                            quotas: try live(.quota))
    }

    /// The live records of `kind` decoded as `R`; records that no longer decode are skipped.
    public func live<R: ReplicatedRecord>(_ kind: ReplicatedKind) throws(ReplicaError) -> [R] {
        try records(of: kind).compactMap { record in
            record.view.isDeleted ? nil : try? record.decoded() as? R
        }
    }

    /// The records with pending writes.
    func pendingRecords(_ db: Database) throws -> Set<RecordID> { Set(try pendingStore.writes(db).map(\.record)) }

    /// Calls `body` with every live opportunity as a deal in its account's territory
    /// (an account's `territory_id` field), as `sight` sees them, or with `period` with
    /// those closing in its quarter (and a few more), one at a time: a quarter of tens of
    /// thousands of deals is never held in memory. Records the sight does not change are
    /// read from their sealed ``ForecastSummary`` alone; records with pending writes, and
    /// rows stored before summaries existed, are opened whole. Only the accounts those
    /// opportunities are filed under are read, each once, first in their groups' order:
    /// a quarter's forecast does not open every account.
    func forEachDeal(_ db: Database, period: ForecastPeriod?, sight: ForecastSight, _ body: (Deal) throws -> Void) throws {
        var whole = sight.pending
        let quarter = try period.map { period throws(ReplicaError) in try ForecastSummary.periodIndex(period, cipher: cipher) }
        let (deals, arguments): (String, StatementArguments) = if let quarter {
            ("period = ? AND kind = ?", [quarter, opportunityKind])
        } else {
            (KindIndex.condition(.opportunity), [opportunityKind])
        }
        if quarter != nil {
            let unsummarised = "SELECT id FROM record WHERE summary IS NULL AND kind IN (3, 6) AND kind = ?"
            for data in try Data.fetchAll(db.cachedStatement(sql: unsummarised), arguments: [opportunityKind]) {
                whole.insert(try RecordID(bytes: [UInt8](data)))
            }
        }
        let place = placer(db, sight: sight, known: try filedAccountTerritories(db, of: deals, arguments, sight: sight))
        let rows = try Row.fetchCursor(db.cachedStatement(sql: "SELECT \(Self.summaryColumns) FROM record WHERE \(deals)"), arguments: arguments)
        // Opportunities come in row order, which is their groups' order: each group opens once.
        var groups = StateGroupReader(states: false)
        while let row = try rows.next() {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            guard !sight.pending.contains(id) else { continue }
            guard let summary = try openSummary(db, row, id, &groups) else {
                whole.insert(id)
                continue
            }
            if let opportunity = try readable(id, { try ForecastSummary.opportunity(summary, id: id) }), let deal = try place(opportunity) {
                try body(deal)
            }
        }
        try forEachDeal(db, ids: whole, sight: sight, placing: place, body)
    }

    /// Calls `body` with each live opportunity among `ids` as a deal in its account's
    /// territory, as `sight` sees it, opened whole.
    func forEachDeal(_ db: Database, ids: Set<RecordID>, sight: ForecastSight, _ body: (Deal) throws -> Void) throws {
        try forEachDeal(db, ids: ids, sight: sight, placing: placer(db, sight: sight, known: [:]), body)
    }

    private func forEachDeal(_ db: Database, ids: Set<RecordID>, sight: ForecastSight,
                             placing place: (ForecastSummary.UnplacedDeal) throws -> Deal?, _ body: (Deal) throws -> Void) throws {
        for id in ids {
            if let opportunity = try wholeOpportunity(db, id, sight: sight), let deal = try place(opportunity) { try body(deal) }
        }
    }

    /// The live opportunity `id` as `sight` sees it, opened whole; `nil` for a deleted
    /// or missing one, or a record of another kind.
    private func wholeOpportunity(_ db: Database, _ id: RecordID, sight: ForecastSight) throws -> ForecastSummary.UnplacedDeal? {
        guard let record = try whole(db, id, sight: sight), record.kind == .opportunity, !record.view.isDeleted,
              let opportunity = try? record.decoded() as? Opportunity else { return nil }
        return ForecastSummary.unplaced(opportunity)
    }

    /// The territories of the accounts that the opportunities matching `deals` (SQL over
    /// `record`, with `arguments`) are filed under, as the hub sent them: read from their
    /// summaries in their groups' order, so each group opens once. Accounts with pending
    /// writes in `sight`, and rows without a summary, are left out.
    private func filedAccountTerritories(_ db: Database, of deals: String, _ arguments: StatementArguments,
                                         sight: ForecastSight) throws -> [AccountID: TerritoryID?] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT \(Self.summaryColumns) FROM record WHERE id IN (SELECT parent FROM record WHERE \(deals)) ORDER BY state_group
            """), arguments: arguments)
        var groups = StateGroupReader(states: false)
        var territories: [AccountID: TerritoryID?] = [:]
        while let row = try rows.next() {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            guard row[1] == Int64(ReplicatedKind.account.rawValue), !sight.pending.contains(id),
                  let summary = try openSummary(db, row, id, &groups) else { continue }
            territories[AccountID(id)] = try readable(id) { try ForecastSummary.territory(summary) }
        }
        return territories
    }

    /// Places a deal in its account's territory as `sight` sees it, reading each account
    /// once (those in `known` not at all); `nil` when the account is missing, deleted or
    /// has no territory.
    private func placer(_ db: Database, sight: ForecastSight, known: [AccountID: TerritoryID?]) -> (ForecastSummary.UnplacedDeal) throws -> Deal? {
        var territoryOf = known
        return { opportunity in
            let territory: TerritoryID?
            if let known = territoryOf[opportunity.accountID] {
                territory = known
            } else {
                territory = try self.accountTerritory(db, RecordID(opportunity.accountID), sight: sight)
                territoryOf[opportunity.accountID] = territory
            }
            return territory.map(opportunity.place)
        }
    }

    /// The territory of the live account `id` as `sight` sees it (its `territory_id`
    /// field), read from its sealed summary, or from its whole record when it has
    /// pending writes in sight or no summary; `nil` for a missing, deleted or
    /// territory-less account, or a record of another kind.
    private func accountTerritory(_ db: Database, _ id: RecordID, sight: ForecastSight) throws -> TerritoryID? {
        let sql = "SELECT \(Self.summaryColumns) FROM record WHERE id = ?"
        if !sight.pending.contains(id) {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [Data(id.bytes)]) else { return nil }
            guard row[1] == Int64(ReplicatedKind.account.rawValue) else { return nil }
            var groups = StateGroupReader(states: false)
            if let summary = try openSummary(db, row, id, &groups) { return try readable(id) { try ForecastSummary.territory(summary) } }
        }
        guard let record = try whole(db, id, sight: sight), record.kind == .account,
              let summary = ForecastSummary.encode(kind: .account, view: record.view, record: nil) else { return nil }
        return try ForecastSummary.territory(summary)
    }

    /// Record `id` as `sight` sees it, opened whole.
    private func whole(_ db: Database, _ id: RecordID, sight: ForecastSight) throws -> LocalRecord? {
        switch sight {
        case .hub:
            guard let state = try baseState(db, id), let kind = ReplicatedKind(typeID: state.type) else { return nil }
            return LocalRecord(kind: kind, state: state, pending: [])
        case .device:
            return try local(db, id)
        }
    }

    /// The columns of a `record` row that ``openSummary(_:_:_:_:)`` reads, in its order.
    private static let summaryColumns = "id, kind, territory, parent, summary, state_group"

    /// The opened summary of a `record` row (``summaryColumns``): sealed in the row, or
    /// kept by the row's group when the row's is empty; `nil` for a row stored without one.
    private func openSummary(_ db: Database, _ row: Row, _ id: RecordID, _ groups: inout StateGroupReader) throws -> [UInt8]? {
        guard let sealed = row[4] as Data? else { return nil }
        let kind: Int64 = row[1], territory: Data? = row[2], parent: Data? = row[3]
        if sealed.isEmpty, let group = row[5] as Int64? {
            return try groups.member(db, cipher, group: group, id: id, kind: kind, territory: territory, parent: parent).summary
        }
        return try cipher.open(sealed, .recordSummary(id, kind: kind, territory: territory, parent: parent))
    }

    /// `read`'s result; a summary that opened but does not parse is a corrupt replica.
    private func readable<T>(_ id: RecordID, _ read: () throws -> T) throws -> T {
        do { return try read() } catch {
            throw ReplicaError(.corrupt, "the forecast summary of record \(id) in the replica is unreadable (\(error)); "
                + "move the replica folder aside and enrol the device again")
        }
    }

    private var opportunityKind: Int64 { Int64(ReplicatedKind.opportunity.rawValue) }
}

/// Whose view of the records a forecast reads.
enum ForecastSight {
    /// The records as the hub last sent them: what a quarter's stored total counts.
    case hub
    /// As this device sees them: the hub's states with the writes pending on `pending` on top.
    case device(pending: Set<RecordID>)

    /// The records this sight sees otherwise than the hub.
    var pending: Set<RecordID> {
        switch self {
        case .hub: []
        case .device(let pending): pending
        }
    }
}
