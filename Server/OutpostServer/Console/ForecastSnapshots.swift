import Forecasting
import OutpostModel
import OutpostSQLite

/// The daily history behind the commit trend: the first forecast view of a day stores
/// every territory's figures for the current quarter (and for the period viewed, when
/// it holds today), since the records keep only their current state.
enum ForecastSnapshots {
    /// Stores today's snapshot of `period` unless one exists.
    static func recordIfNone(_ store: SQLiteStore, book: ForecastBook, period: ForecastPeriod, today: CalendarDay) async throws {
        guard period.contains(today), !(try await store.hasForecastSnapshot(day: today, period: period)) else { return }
        var rows: [ForecastSnapshot] = []
        func walk(_ node: TerritoryForecast) {
            let line = node.total
            let figures = line.computed.figures
            for currency in ForecastCurrencies.of(line) {
                rows.append(ForecastSnapshot(day: today, period: period, territoryID: node.territoryID, currency: currency,
                                             closed: figures.closed[currency].minorUnits, commit: figures.commit[currency].minorUnits,
                                             bestCase: figures.bestCase[currency].minorUnits,
                                             pipeline: figures.pipeline[currency].minorUnits, quota: line.quota[currency].minorUnits))
            }
            node.children.forEach(walk)
        }
        for root in book.tree.roots {
            if let forecast = book.forecast(period: period, root: root.id) { walk(forecast) }
        }
        try await store.recordForecastSnapshots(rows)
    }

    /// One point per week of `period` that has a snapshot: the week's last one.
    static func weekly(_ snapshots: [ForecastSnapshot], period: ForecastPeriod, currency: Currency) -> [SVGChart.Point] {
        guard let start = period.firstDay else { return [] }
        var byWeek: [Int: ForecastSnapshot] = [:]
        for snapshot in snapshots where snapshot.currency == currency && period.contains(snapshot.day) {
            let week = (snapshot.day.daysSinceEpoch - start.daysSinceEpoch) / 7
            if let kept = byWeek[week], kept.day > snapshot.day { continue }
            byWeek[week] = snapshot
        }
        return byWeek.keys.sorted().map { week in
            let day = start.adding(days: week * 7)
            return SVGChart.Point(label: "W\(week + 1) \(day.description.dropFirst(5))",
                                  value: Money(minorUnits: byWeek[week]!.commit, currency: currency))
        }
    }
}

/// The currencies a forecast line has any figure in, by code: one chart each.
enum ForecastCurrencies {
    static func of(_ line: ForecastLine) -> [Currency] {
        let figures = [line.computed.figures.closed, line.computed.figures.commit, line.computed.figures.bestCase,
                       line.computed.figures.pipeline, line.quota, line.submitted.commit, line.adjusted.commit]
        return Array(Set(figures.flatMap { $0.minorUnits.keys })).sorted { $0.code < $1.code }
    }
}

extension ForecastPeriod {
    /// The period's first day.
    var firstDay: CalendarDay? {
        switch self {
        case let .month(year, month): try? CalendarDay(year: year, month: month, day: 1)
        case let .quarter(year, quarter): try? CalendarDay(year: year, month: (quarter - 1) * 3 + 1, day: 1)
        }
    }

    /// The periods next to this one, to choose from: the quarters around it and the months of its quarter.
    var neighbours: [ForecastPeriod] {
        switch self {
        case let .quarter(year, quarter):
            let previous: ForecastPeriod = quarter == 1 ? .quarter(year: year - 1, quarter: 4) : .quarter(year: year, quarter: quarter - 1)
            let next: ForecastPeriod = quarter == 4 ? .quarter(year: year + 1, quarter: 1) : .quarter(year: year, quarter: quarter + 1)
            let months = (0..<3).map { ForecastPeriod.month(year: year, month: (quarter - 1) * 3 + 1 + $0) }
            return [previous, self, next] + months
        case let .month(year, month):
            return [.quarter(year: year, quarter: (month - 1) / 3 + 1)] + ((month - 1) / 3 * 3 + 1...(month - 1) / 3 * 3 + 3).map { .month(year: year, month: $0) }
        }
    }
}
