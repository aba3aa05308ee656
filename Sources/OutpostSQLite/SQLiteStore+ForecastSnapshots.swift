import GRDB
public import OutpostModel
public import OutpostStore

/// One territory's forecast figures (its subtree's total) in one currency, as they
/// stood on one day: the history a commit trend is drawn from, since the records
/// themselves keep only their current state.
public struct ForecastSnapshot: Sendable, Equatable {
    public var day: CalendarDay
    public var period: ForecastPeriod
    public var territoryID: TerritoryID
    public var currency: Currency
    /// Closed, Commit, Best Case and open pipeline (cumulative, as managers read them) and quota, in minor units.
    public var closed, commit, bestCase, pipeline, quota: Int64

    public init(day: CalendarDay, period: ForecastPeriod, territoryID: TerritoryID, currency: Currency,
                closed: Int64, commit: Int64, bestCase: Int64, pipeline: Int64, quota: Int64) {
        self.day = day
        self.period = period
        self.territoryID = territoryID
        self.currency = currency
        self.closed = closed
        self.commit = commit
        self.bestCase = bestCase
        self.pipeline = pipeline
        self.quota = quota
    }
}

extension SQLiteStore {
    /// Whether any snapshot of `period` was stored on `day`.
    public func hasForecastSnapshot(day: CalendarDay, period: ForecastPeriod) async throws(StoreError) -> Bool {
        try await read("checking forecast snapshots") { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM forecast_snapshot WHERE period = ? AND day = ?)",
                              arguments: [period.description, day.description]) ?? false
        }
    }

    /// Stores `snapshots`; a day's snapshot once stored is kept (the first one of the day stands).
    public func recordForecastSnapshots(_ snapshots: [ForecastSnapshot]) async throws(StoreError) {
        try await write("storing forecast snapshots") { db in
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO forecast_snapshot (day, period, territory_id, currency, closed_minor, commit_minor,
                                                         best_case_minor, pipeline_minor, quota_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in snapshots {
                try insert.execute(arguments: [row.day.description, row.period.description, row.territoryID.sql, row.currency.code,
                                               row.closed, row.commit, row.bestCase, row.pipeline, row.quota])
            }
        }
    }

    /// The snapshots of `territory` for `period`, by day.
    public func forecastSnapshots(period: ForecastPeriod, territory: TerritoryID) async throws(StoreError) -> [ForecastSnapshot] {
        try await read("reading forecast snapshots") { db in
            try Row.fetchAll(db, sql: """
                SELECT day, currency, closed_minor, commit_minor, best_case_minor, pipeline_minor, quota_minor FROM forecast_snapshot
                WHERE period = ? AND territory_id = ? ORDER BY day, currency
                """, arguments: [period.description, territory.sql]).map { row throws(StoreError) in
                ForecastSnapshot(day: try .decode(row[0], "forecast_snapshot", "day"), period: period, territoryID: territory,
                                 currency: try .decode(row[1], "forecast_snapshot", "currency"), closed: row[2], commit: row[3],
                                 bestCase: row[4], pipeline: row[5], quota: row[6])
            }
        }
    }
}
