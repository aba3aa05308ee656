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
    ///   that period's quarter (read through their blind index), so ask it for that
    ///   period (or a month of that quarter) alone.
    public func forecastBook(period: ForecastPeriod? = nil) throws(ReplicaError) -> ForecastBook {
        ForecastBook(territories: try live(.territory), users: try live(.user), deals: try read { db in try deals(db, period: period) },
                     submissions: try live(.forecastSubmission), adjustments: try live(.forecastAdjustment),
                     quotas: try live(.quota))
    }

    /// The live records of `kind` decoded as `R`; records that no longer decode are skipped.
    public func live<R: ReplicatedRecord>(_ kind: ReplicatedKind) throws(ReplicaError) -> [R] {
        try records(of: kind).compactMap { record in
            record.view.isDeleted ? nil : try? record.decoded() as? R
        }
    }

    /// Every live opportunity as a deal in its account's territory (an account's
    /// `territory_id` field), as this device sees them, or with `period` those closing in
    /// its quarter (and a few more). Records without pending writes are read from their
    /// sealed ``ForecastSummary`` alone; records with pending writes, and rows stored
    /// before summaries existed, are opened whole. Only the accounts those opportunities
    /// name are read, each once, by id: a quarter's forecast does not open every account.
    func deals(_ db: Database, period: ForecastPeriod?) throws -> [Deal] {
        let pending = Set(try pendingStore.writes(db).map(\.record))
        var whole = pending
        var opportunities: [ForecastSummary.UnplacedDeal] = []
        let quarter = try period.map { period throws(ReplicaError) in try ForecastSummary.periodIndex(period, cipher: cipher) }
        let columns = "SELECT id, kind, territory, parent, summary FROM record"
        let rows = try quarter.map { quarter in
            try Row.fetchCursor(db.cachedStatement(sql: "\(columns) WHERE period = ? AND kind = ?"), arguments: [quarter, opportunityKind])
        } ?? Row.fetchCursor(db.cachedStatement(sql: "\(columns) WHERE kind = ?"), arguments: [opportunityKind])
        if quarter != nil {
            let unsummarised = "SELECT id FROM record WHERE summary IS NULL AND kind IN (3, 6) AND kind = ?"
            for data in try Data.fetchAll(db.cachedStatement(sql: unsummarised), arguments: [opportunityKind]) {
                whole.insert(try RecordID(bytes: [UInt8](data)))
            }
        }
        while let row = try rows.next() {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            guard !pending.contains(id) else { continue }
            guard let summary = try openSummary(row, id) else {
                whole.insert(id)
                continue
            }
            if let opportunity = try readable(id, { try ForecastSummary.opportunity(summary, id: id) }) { opportunities.append(opportunity) }
        }
        for id in whole {
            guard let record = try local(db, id), record.kind == .opportunity, !record.view.isDeleted,
                  let opportunity = try? record.decoded() as? Opportunity else { continue }
            opportunities.append(ForecastSummary.unplaced(opportunity))
        }
        var territoryOf: [AccountID: TerritoryID?] = [:]
        return try opportunities.compactMap { opportunity in
            let territory: TerritoryID?
            if let known = territoryOf[opportunity.accountID] {
                territory = known
            } else {
                territory = try accountTerritory(db, RecordID(opportunity.accountID), whole: pending.contains(RecordID(opportunity.accountID)))
                territoryOf[opportunity.accountID] = territory
            }
            return territory.map(opportunity.place)
        }
    }

    /// The territory of the live account `id` as this device sees it (its `territory_id`
    /// field), read from its sealed summary, or from its whole record when `whole` (it has
    /// pending writes) or it has no summary; `nil` for a missing, deleted or
    /// territory-less account, or a record of another kind.
    private func accountTerritory(_ db: Database, _ id: RecordID, whole: Bool) throws -> TerritoryID? {
        let sql = "SELECT id, kind, territory, parent, summary FROM record WHERE id = ?"
        if !whole {
            guard let row = try Row.fetchOne(db.cachedStatement(sql: sql), arguments: [Data(id.bytes)]) else { return nil }
            guard row[1] == Int64(ReplicatedKind.account.rawValue) else { return nil }
            if let summary = try openSummary(row, id) { return try readable(id) { try ForecastSummary.territory(summary) } }
        }
        guard let record = try local(db, id), record.kind == .account,
              let summary = ForecastSummary.encode(kind: .account, view: record.view, record: nil) else { return nil }
        return try ForecastSummary.territory(summary)
    }

    /// The opened summary of a `record` row (`id, kind, territory, parent, summary`), or
    /// `nil` for a row stored without one.
    private func openSummary(_ row: Row, _ id: RecordID) throws -> [UInt8]? {
        guard let sealed = row[4] as Data? else { return nil }
        return try cipher.open(sealed, .recordSummary(id, kind: row[1], territory: row[2], parent: row[3]))
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
