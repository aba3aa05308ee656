import Foundation
import OutpostModel

/// Charts drawn on the server as inline SVG: no script, no library, readable without
/// JavaScript and printable. Every bar carries its figure and exact amount as data
/// attributes (`data-figure`, `data-amount`), which is also what the browser tests read.
enum SVGChart {
    /// The colours of the forecast figures, also used by the legends.
    static let colours: [(figure: String, label: String, colour: String)] = [
        ("closed", "Closed", "var(--closed)"), ("commit", "Commit", "var(--commit)"),
        ("best_case", "Best case", "var(--best)"), ("pipeline", "Open pipeline", "var(--pipe)"),
    ]

    /// One row of a forecast bar chart: a territory or a rep, all in one currency.
    struct ForecastRow {
        var label: String
        /// Where clicking the label leads (drill-down), if anywhere.
        var link: String?
        var closed, commit, bestCase, pipeline, quota: Money
    }

    /// Horizontal bars per row: Best case, Commit and Closed nested on one bar (each
    /// includes the next, as managers read them), open pipeline on a thinner bar below,
    /// and the quota as a red mark.
    static func forecastBars(_ rows: [ForecastRow], currency: Currency) -> HTML {
        let labelWidth = 190.0, chartWidth = 560.0, rowHeight = 44.0, top = 8.0
        let largest = rows.flatMap { [$0.closed, $0.commit, $0.bestCase, $0.pipeline, $0.quota] }.map(\.minorUnits).max() ?? 0
        let scale = largest > 0 ? chartWidth / Double(largest) : 0
        let height = top + rowHeight * Double(rows.count) + 20
        var parts: [String] = []
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * Double(index)
            let label = row.link.map { "<a href=\"\(text: $0)\"><text x=\"0\" y=\"\(format(y + 15))\">\(text: row.label)</text></a>" }
                ?? "<text x=\"0\" y=\"\(format(y + 15))\">\(text: row.label)</text>"
            func bar(_ figure: String, _ money: Money, _ colour: String, _ barY: Double, _ barHeight: Double) -> String {
                let width = max(Double(money.minorUnits) * scale, 0)
                return "<rect class=\"bar\" data-figure=\"\(figure)\" data-amount=\"\(money.decimalString)\" x=\"\(format(labelWidth))\" "
                    + "y=\"\(format(barY))\" width=\"\(format(width))\" height=\"\(format(barHeight))\" rx=\"2\" fill=\"\(colour)\">"
                    + "<title>\(text: row.label): \(figure.replacingOccurrences(of: "_", with: " ")) \(text: money.grouped)</title></rect>"
            }
            var group = "<g class=\"bar-row\" data-row=\"\(text: row.label)\" data-currency=\"\(currency.code)\">" + label
            group += bar("best_case", row.bestCase, "var(--best)", y + 2, 18)
            group += bar("commit", row.commit, "var(--commit)", y + 2, 18)
            group += bar("closed", row.closed, "var(--closed)", y + 2, 18)
            group += bar("pipeline", row.pipeline, "var(--pipe)", y + 23, 9)
            if row.quota.minorUnits > 0 {
                let x = labelWidth + Double(row.quota.minorUnits) * scale
                group += "<line class=\"quota\" data-figure=\"quota\" data-amount=\"\(row.quota.decimalString)\" x1=\"\(format(x))\" "
                    + "x2=\"\(format(x))\" y1=\"\(format(y))\" y2=\"\(format(y + 34))\" stroke=\"var(--quota)\" stroke-width=\"2\">"
                    + "<title>\(text: row.label): quota \(text: row.quota.grouped)</title></line>"
            }
            parts.append(group + "</g>")
        }
        let axis = "<line class=\"axis\" x1=\"\(format(labelWidth))\" x2=\"\(format(labelWidth))\" y1=\"0\" y2=\"\(format(height - 14))\"/>"
            + "<text x=\"\(format(labelWidth))\" y=\"\(format(height - 2))\" class=\"muted\">0</text>"
            + "<text x=\"\(format(labelWidth + chartWidth))\" y=\"\(format(height - 2))\" text-anchor=\"end\">\(text: Money(minorUnits: largest, currency: currency).compact)</text>"
        return HTML(raw: "<svg class=\"chart forecast-bars\" data-currency=\"\(currency.code)\" role=\"img\" "
            + "aria-label=\"Forecast against quota in \(currency.code)\" viewBox=\"0 0 \(format(labelWidth + chartWidth + 10)) \(format(height))\" "
            + "width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">" + parts.joined() + axis + "</svg>")
    }

    /// The legend of ``forecastBars(_:currency:)``.
    static var forecastLegend: HTML {
        HTML(raw: "<div class=\"legend\">" + colours.map { "<span><i class=\"swatch\" style=\"background:\($0.colour)\"></i>\($0.label)</span>" }.joined()
            + "<span><i class=\"swatch\" style=\"background:var(--quota)\"></i>Quota</span></div>")
    }

    /// One step of a funnel or one column: a label, how many, how much.
    struct Step {
        var label: String
        var count: Int
        var amount: Money
        var link: String?
    }

    /// A funnel: one centred bar per stage, its width the stage's amount.
    static func funnel(_ steps: [Step], currency: Currency) -> HTML {
        let width = 640.0, rowHeight = 34.0, labelWidth = 150.0
        let largest = steps.map(\.amount.minorUnits).max() ?? 0
        let barSpace = width - labelWidth - 110
        var parts: [String] = []
        for (index, step) in steps.enumerated() {
            let y = Double(index) * rowHeight + 4
            let barWidth = largest > 0 ? max(Double(step.amount.minorUnits) / Double(largest) * barSpace, 2) : 2
            let x = labelWidth + (barSpace - barWidth) / 2
            parts.append("<g class=\"funnel-step\" data-stage=\"\(text: step.label)\" data-count=\"\(step.count)\" data-amount=\"\(step.amount.decimalString)\">"
                + "<text x=\"0\" y=\"\(format(y + 19))\">\(text: step.label)</text>"
                + "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"\(format(barWidth))\" height=\"\(format(rowHeight - 8))\" rx=\"3\" fill=\"var(--commit)\" "
                + "opacity=\"\(format(1 - Double(index) * 0.1))\"><title>\(text: step.label): \(step.count) · \(text: step.amount.grouped)</title></rect>"
                + "<text x=\"\(format(width - 4))\" y=\"\(format(y + 19))\" text-anchor=\"end\">\(step.count) · \(text: step.amount.compact)</text></g>")
        }
        return HTML(raw: "<svg class=\"chart funnel\" data-currency=\"\(currency.code)\" role=\"img\" aria-label=\"Pipeline by stage in \(currency.code)\" "
            + "viewBox=\"0 0 \(format(width)) \(format(Double(steps.count) * rowHeight + 8))\" width=\"100%\">" + parts.joined() + "</svg>")
    }

    /// Columns, one per step (close months), their height the amount.
    static func columns(_ steps: [Step], currency: Currency) -> HTML {
        let height = 180.0, columnWidth = 54.0, gap = 12.0
        let largest = steps.map(\.amount.minorUnits).max() ?? 0
        var parts: [String] = []
        for (index, step) in steps.enumerated() {
            let x = Double(index) * (columnWidth + gap) + 4
            let barHeight = largest > 0 ? Double(step.amount.minorUnits) / Double(largest) * (height - 40) : 0
            parts.append("<g class=\"column\" data-month=\"\(text: step.label)\" data-count=\"\(step.count)\" data-amount=\"\(step.amount.decimalString)\">"
                + "<rect x=\"\(format(x))\" y=\"\(format(height - 20 - barHeight))\" width=\"\(format(columnWidth))\" height=\"\(format(barHeight))\" rx=\"2\" fill=\"var(--best)\">"
                + "<title>\(text: step.label): \(step.count) · \(text: step.amount.grouped)</title></rect>"
                + "<text x=\"\(format(x + columnWidth / 2))\" y=\"\(format(height - 24 - barHeight))\" text-anchor=\"middle\">\(text: step.amount.compact)</text>"
                + "<text x=\"\(format(x + columnWidth / 2))\" y=\"\(format(height - 4))\" text-anchor=\"middle\">\(text: step.label)</text></g>")
        }
        let width = max(Double(steps.count) * (columnWidth + gap) + 8, 200)
        return HTML(raw: "<svg class=\"chart columns\" data-currency=\"\(currency.code)\" role=\"img\" aria-label=\"Pipeline by close month in \(currency.code)\" "
            + "viewBox=\"0 0 \(format(width)) \(format(height))\" width=\"\(format(min(width, 900)))\" style=\"max-width:100%\">" + parts.joined() + "</svg>")
    }

    /// A point of a trend: a week's label and its figure.
    struct Point {
        var label: String
        var value: Money
    }

    /// A line of a figure per week, with the quota as a dashed line.
    static func trend(_ points: [Point], quota: Money?, currency: Currency) -> HTML {
        let width = 640.0, height = 200.0, left = 56.0, bottom = 24.0, top = 10.0
        let largest = (points.map(\.value.minorUnits) + [quota?.minorUnits ?? 0]).max() ?? 0
        let yScale = largest > 0 ? (height - bottom - top) / Double(largest) : 0
        let step = points.count > 1 ? (width - left - 10) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { left + Double(index) * step }
        func y(_ minor: Int64) -> Double { height - bottom - Double(minor) * yScale }
        var parts: [String] = ["<line class=\"axis\" x1=\"\(format(left))\" x2=\"\(format(width))\" y1=\"\(format(height - bottom))\" y2=\"\(format(height - bottom))\"/>",
                               "<text x=\"\(format(left - 4))\" y=\"\(format(top + 8))\" text-anchor=\"end\">\(text: Money(minorUnits: largest, currency: currency).compact)</text>",
                               "<text x=\"\(format(left - 4))\" y=\"\(format(height - bottom))\" text-anchor=\"end\">0</text>"]
        if let quota, quota.minorUnits > 0 {
            parts.append("<line class=\"quota\" data-amount=\"\(quota.decimalString)\" x1=\"\(format(left))\" x2=\"\(format(width))\" y1=\"\(format(y(quota.minorUnits)))\" "
                + "y2=\"\(format(y(quota.minorUnits)))\" stroke=\"var(--quota)\" stroke-dasharray=\"5 4\"><title>Quota \(text: quota.grouped)</title></line>")
        }
        let coordinates = points.indices.map { "\(format(x($0))),\(format(y(points[$0].value.minorUnits)))" }.joined(separator: " ")
        if points.count > 1 {
            parts.append("<polyline points=\"\(coordinates)\" fill=\"none\" stroke=\"var(--commit)\" stroke-width=\"2.5\"/>")
        }
        for (index, point) in points.enumerated() {
            parts.append("<g class=\"trend-point\" data-week=\"\(text: point.label)\" data-amount=\"\(point.value.decimalString)\">"
                + "<circle cx=\"\(format(x(index)))\" cy=\"\(format(y(point.value.minorUnits)))\" r=\"4\" fill=\"var(--commit)\">"
                + "<title>\(text: point.label): commit \(text: point.value.grouped)</title></circle>"
                + "<text x=\"\(format(x(index)))\" y=\"\(format(height - 6))\" text-anchor=\"middle\">\(text: point.label)</text></g>")
        }
        return HTML(raw: "<svg class=\"chart trend\" data-currency=\"\(currency.code)\" role=\"img\" aria-label=\"Commit per week in \(currency.code)\" "
            + "viewBox=\"0 0 \(format(width)) \(format(height))\" width=\"100%\" style=\"max-height:260px\">" + parts.joined() + "</svg>")
    }

    /// Coordinates with at most one decimal.
    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}

extension Money {
    /// `59,500.00 EUR`: the exact amount with thousands grouped, for tables and tooltips.
    var grouped: String { groupedNumber + " " + currency.code }

    /// `59,500.00`: ``grouped`` without the currency, for tables that name it once.
    var groupedNumber: String {
        let text = decimalString
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return (negative ? "-" : "") + groups.joined(separator: ",") + fraction
    }

    /// `59.5k`, `1.2M`: a short label for axes.
    var compact: String {
        let units = Double(minorUnits) / pow10(currency.scale)
        let magnitude = abs(units)
        func one(_ value: Double) -> String {
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        }
        if magnitude >= 1_000_000 { return one(units / 1_000_000) + "M" }
        if magnitude >= 1_000 { return one(units / 1_000) + "k" }
        return one(units)
    }

    private func pow10(_ exponent: Int) -> Double { (0..<max(exponent, 0)).reduce(1.0) { value, _ in value * 10 } }
}
