import Forecasting
import Foundation
import OutpostModel
import TerminalOutput

/// A forecast tree as an 80-column table: one row per territory (indented by depth)
/// and currency, reps under their territory, amounts in compact form (`1.25M`).
enum ForecastTable {
    static let headers = ["TERRITORY / REP", "CUR", "CLOSED", "COMMIT", "BEST", "PIPE", "SUB.CMT", "ADJ.CMT", "QUOTA", "%Q", "GAP"]

    /// Prints `root` down to `depth` levels, with reps where `reps` is set (always for the root).
    static func print(_ root: TerritoryForecast, depth: Int, reps: Bool) {
        var rows: [[String]] = []
        add(root, level: 0, depth: depth, reps: reps, to: &rows)
        Output.table(headers, rows, fitting: TerminalWidth.columns)
        Swift.print("COMMIT = Commit + Closed; BEST = Best Case + Commit + Closed; PIPE = open pipeline;")
        Swift.print("SUB.CMT / ADJ.CMT = submitted / adjusted Commit; %Q = COMMIT as % of QUOTA; GAP = QUOTA - COMMIT.")
        Swift.print("Drill down with --territory NAME.")
    }

    private static func add(_ node: TerritoryForecast, level: Int, depth: Int, reps: Bool, to rows: inout [[String]]) {
        let indent = String(repeating: "  ", count: level)
        rows += lines(indent + node.name, node.total)
        if reps || level == 0 {
            for rep in node.reps { rows += lines(indent + "  @" + rep.name, rep.line) }
        }
        guard level < depth else { return }
        for child in node.children { add(child, level: level + 1, depth: depth, reps: reps, to: &rows) }
    }

    /// One row per currency of `line` (one row of zeros when it has none).
    static func lines(_ label: String, _ line: ForecastLine) -> [[String]] {
        let figures = line.computed.figures
        let columns = [figures.closed, figures.commit, figures.bestCase, figures.pipeline, line.submitted.commit,
                       line.adjusted.commit, line.quota]
        let currencies = Set(columns.flatMap { $0.minorUnits.keys }).sorted { $0.code < $1.code }
        guard !currencies.isEmpty else { return [[label, "", "0", "0", "0", "0", "—", "—", "—", "—", "—"]] }
        return currencies.enumerated().map { index, currency in
            [index == 0 ? label : "", currency.code] + columns.enumerated().map { column, amounts in
                let empty = column >= 4 && amounts.minorUnits[currency] == nil
                return empty ? "—" : compact(amounts[currency])
            } + attainment(commit: figures.commit[currency], quota: line.quota.minorUnits[currency].map { Money(minorUnits: $0, currency: currency) })
        }
    }

    /// COMMIT as a whole percentage of the quota and the gap to it (`—` without a quota).
    static func attainment(commit: Money, quota: Money?) -> [String] {
        guard let quota, quota.minorUnits > 0 else { return ["—", "—"] }
        let percent = (commit.minorUnits * 100 + quota.minorUnits / 2) / quota.minorUnits
        let gap = Money(minorUnits: max(0, quota.minorUnits - commit.minorUnits), currency: quota.currency)
        return ["\(percent)%", compact(gap)]
    }

    /// `980`, `12.5k`, `456k`, `1.25M`, `12.5M`: at most six characters.
    static func compact(_ money: Money) -> String {
        var divisor = 1.0
        for _ in 0..<money.currency.scale { divisor *= 10 }
        let value = Double(money.minorUnits) / divisor
        let magnitude = abs(value)
        switch magnitude {
        case ..<1000: return String(format: "%.0f", value)
        case ..<100_000: return String(format: "%.1fk", value / 1000)
        case ..<1_000_000: return String(format: "%.0fk", value / 1000)
        case ..<10_000_000: return String(format: "%.2fM", value / 1_000_000)
        case ..<1_000_000_000: return String(format: "%.1fM", value / 1_000_000)
        default: return String(format: "%.1fG", value / 1_000_000_000)
        }
    }
}
