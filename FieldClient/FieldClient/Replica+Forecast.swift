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
    /// before summaries existed, are opened whole.
    func deals(_ db: Database, period: ForecastPeriod?) throws -> [Deal] {
        let pending = Set(try pendingStore.writes(db).map(\.record))
        var whole = pending
        var territoryOf: [AccountID: TerritoryID] = [:]
        try summaries(db, of: .account, in: nil, skipping: pending, whole: &whole) { id, summary in
            if let territory = try ForecastSummary.territory(summary) { territoryOf[AccountID(id)] = territory }
        }
        var opened: [LocalRecord] = []
        for id in whole {
            guard let record = try local(db, id), !record.view.isDeleted else { continue }
            if record.kind == .account, let field = ForecastSummary.territoryField, case .bytes(let bytes) = record.view.values[field],
               let territory = try? RecordID(bytes: bytes) {
                territoryOf[AccountID(id)] = TerritoryID(territory)
            } else if record.kind == .opportunity {
                opened.append(record)
            }
        }
        var deals: [Deal] = []
        whole = []
        let quarter = try period.map { period throws(ReplicaError) in try ForecastSummary.periodIndex(period, cipher: cipher) }
        try summaries(db, of: .opportunity, in: quarter, skipping: pending, whole: &whole) { id, summary in
            if let deal = try ForecastSummary.deal(summary, id: id, territoryOf: { territoryOf[$0] }) { deals.append(deal) }
        }
        for id in whole { if let record = try local(db, id), !record.view.isDeleted { opened.append(record) } }
        for record in opened {
            guard let opportunity = try? record.decoded() as? Opportunity, let territory = territoryOf[opportunity.accountID] else { continue }
            deals.append(Deal(opportunity, territoryID: territory))
        }
        return deals
    }

    /// Calls `body` with the opened summary of each stored record of `kind` (with a
    /// `period` index, only those of that period) not in `skipping`; adds to `whole` the
    /// ids of rows stored without a summary.
    private func summaries(_ db: Database, of kind: ReplicatedKind, in period: Data?, skipping: Set<RecordID>, whole: inout Set<RecordID>,
                           _ body: (RecordID, [UInt8]) throws -> Void) throws {
        let columns = "SELECT id, kind, territory, parent, summary FROM record"
        let rows = try period.map { period in
            try Row.fetchCursor(db.cachedStatement(sql: "\(columns) WHERE period = ? AND kind = ?"), arguments: [period, Int64(kind.rawValue)])
        } ?? Row.fetchCursor(db.cachedStatement(sql: "\(columns) WHERE kind = ?"), arguments: [Int64(kind.rawValue)])
        if period != nil {
            let unsummarised = "SELECT id FROM record WHERE summary IS NULL AND kind IN (3, 6) AND kind = ?"
            for data in try Data.fetchAll(db.cachedStatement(sql: unsummarised), arguments: [Int64(kind.rawValue)]) {
                whole.insert(try RecordID(bytes: [UInt8](data)))
            }
        }
        while let row = try rows.next() {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            guard !skipping.contains(id) else { continue }
            guard let sealed = row[4] as Data? else {
                whole.insert(id)
                continue
            }
            let summary = try cipher.open(sealed, .recordSummary(id, kind: row[1], territory: row[2], parent: row[3]))
            do { try body(id, summary) } catch {
                throw ReplicaError(.corrupt, "the forecast summary of record \(id) in the replica is unreadable (\(error)); "
                    + "move the replica folder aside and enrol the device again")
            }
        }
    }
}
