import Forecasting
import Foundation
import GRDB
import MergeEngine
public import OutpostModel
import OutpostReplication

extension Replica {
    /// The opportunities closing in `quarter` as this device sees them, as deal groups:
    /// the quarter's stored total (the records as the hub last sent them; computed and
    /// kept when missing or stale), corrected for the records this device has pending
    /// writes to and the opportunities of accounts it has. Once a quarter has been
    /// forecast, each sync keeps its total (``refreshForecastTotals()``), so a forecast
    /// opens one value instead of every deal of the quarter.
    func dealGroups(quarter: ForecastPeriod) throws(ReplicaError) -> [DealGroup] {
        let index = try ForecastSummary.periodIndex(quarter, cipher: cipher)
        if let groups = try read({ db in try storedTotal(db, index).map { try seenHere($0, db, quarter: quarter) } }) {
            return groups
        }
        // Computed and kept in one write transaction, so no sync lands in between.
        return try write { db in try seenHere(try storeTotal(db, quarter, index), db, quarter: quarter) }
    }

    /// Computes again every stale forecast total (one whose records changed), and those
    /// of `quarters` the replica keeps none of yet: a sync calls it after applying what
    /// it received.
    public func refreshForecastTotals(keeping quarters: [ForecastPeriod] = []) throws(ReplicaError) {
        try write { db in
            for quarter in quarters.map(ForecastSummary.quarter(of:)) {
                let index = try ForecastSummary.periodIndex(quarter, cipher: cipher)
                let kept = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM forecast_total WHERE period = ?)"),
                                             arguments: [index]) ?? false
                if !kept { _ = try storeTotal(db, quarter, index) }
            }
            for row in try Row.fetchAll(db, sql: "SELECT period, quarter FROM forecast_total WHERE total IS NULL") {
                let index: Data = row[0]
                let text = try cipher.openText(row[1], .forecastTotal(.forecastQuarter, period: index))
                guard let quarter = try? ForecastPeriod(parsing: text) else {
                    throw ReplicaError(.corrupt, "a forecast total names no quarter (\(text)); move the replica folder aside and enrol the device again")
                }
                _ = try storeTotal(db, quarter, index)
            }
        }
    }

    /// The forecast total of the quarter whose blind index is `index` as stored, or
    /// `nil` when there is none or it is stale.
    func storedTotal(_ db: Database, _ index: Data) throws -> [DealGroup]? {
        guard let sealed = try Data.fetchOne(db.cachedStatement(sql: "SELECT total FROM forecast_total WHERE period = ?"),
                                             arguments: [index]) else { return nil }
        let bytes = try cipher.open(sealed, .forecastTotal(.forecastTotal, period: index))
        do { return try ForecastTotal.decode(bytes) } catch {
            throw ReplicaError(.corrupt, "a forecast total in the replica is unreadable (\(error)); "
                + "move the replica folder aside and enrol the device again")
        }
    }

    /// The total of `quarter` computed from the records as the hub last sent them.
    func computedTotal(_ db: Database, _ quarter: ForecastPeriod) throws -> [DealGroup] {
        var sum = DealGroup.Sum()
        try forEachDeal(db, period: quarter, sight: .hub) { deal in
            if quarter.contains(deal.closeDate) { sum.add(DealGroup(deal)) }
        }
        return sum.groups
    }

    /// Computes the total of `quarter` (blind index `index`) and keeps it, fresh.
    private func storeTotal(_ db: Database, _ quarter: ForecastPeriod, _ index: Data) throws -> [DealGroup] {
        let total = try computedTotal(db, quarter)
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO forecast_total (period, quarter, total) VALUES (?, ?, ?)").execute(arguments: [
            index, try cipher.seal(quarter.description, .forecastTotal(.forecastQuarter, period: index)),
            try cipher.seal(ForecastTotal.encode(total), .forecastTotal(.forecastTotal, period: index)),
        ])
        return total
    }

    /// `total` (the hub's records) as this device sees it: each opportunity with pending
    /// writes, or filed under an account with pending writes, taken out as the hub sent
    /// it and counted again as seen here.
    private func seenHere(_ total: [DealGroup], _ db: Database, quarter: ForecastPeriod) throws -> [DealGroup] {
        let pending = try pendingRecords(db)
        guard !pending.isEmpty else { return total }
        var changed = pending
        let children = try db.cachedStatement(sql: "SELECT id FROM record WHERE parent = ? AND kind = ?")
        for id in pending {
            for child in try Data.fetchAll(children, arguments: [Data(id.bytes), Int64(ReplicatedKind.opportunity.rawValue)]) {
                changed.insert(try RecordID(bytes: [UInt8](child)))
            }
        }
        var sum = DealGroup.Sum()
        for group in total { sum.add(group) }
        try forEachDeal(db, ids: changed, sight: .hub) { deal in
            if quarter.contains(deal.closeDate) { sum.add(DealGroup(deal).negated) }
        }
        try forEachDeal(db, ids: changed, sight: .device(pending: pending)) { deal in
            if quarter.contains(deal.closeDate) { sum.add(DealGroup(deal)) }
        }
        return sum.groups
    }
}
