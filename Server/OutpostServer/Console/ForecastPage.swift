import Forecasting
import Foundation
import Hummingbird
import OutpostModel
import OutpostSQLite

/// The manager's forecast: per territory and rep, closed / commit / best case /
/// pipeline against quota as bars (one chart per currency), % of quota and gap, the
/// reps' submissions and the manager's adjustments side by side, drill-down, and the
/// commit trend per week.
extension ConsoleService {
    func forecastPage(_ request: Request, session: ConsoleSessionRecord, flash: Flash?) async throws -> Response {
        let query = request.uri.queryParameters
        let today = CalendarDay(date: now())
        let company = try await ConsoleCompany.load(self, for: session.user)
        let period: ForecastPeriod
        let root: Territory
        do {
            period = try query.get("period").map { try ForecastPeriod(parsing: $0) } ?? .quarter(of: today)
            root = try company.territory(query.get("territory"))
        } catch {
            return ConsolePage(title: "Forecast", tab: .forecast, user: session.user, csrf: session.csrf, error: "\(error)",
                               body: HTML(raw: "<p><a href=\"/console/forecast\">Back to your forecast</a></p>")).response(status: .badRequest)
        }
        let book = try await forecastBook(store)
        try await ForecastSnapshots.recordIfNone(store, book: book, period: .quarter(of: today), today: today)
        try await ForecastSnapshots.recordIfNone(store, book: book, period: period, today: today)
        guard let forecast = book.forecast(period: period, root: root.id) else {
            return ConsolePage(title: "Forecast", tab: .forecast, user: session.user, csrf: session.csrf,
                               error: "No territory \(root.name).", body: HTML(raw: "")).response(status: .notFound)
        }
        let snapshots = try await store.forecastSnapshots(period: period, territory: root.id)
        let view = ForecastView(period: period, forecast: forecast, company: company, csrf: session.csrf)
        let body = view.controls + HTML.join(ForecastCurrencies.of(forecast.total).map { currency in
            view.figures(in: currency) + view.trend(ForecastSnapshots.weekly(snapshots, period: period, currency: currency),
                                                    quota: forecast.total.quota[currency], currency: currency)
        }) + view.submissions
        return ConsolePage(title: "Forecast \(period) · \(forecast.path.joined(separator: " › "))", tab: .forecast, user: session.user,
                           csrf: session.csrf, notice: flash?.notice, error: flash?.error, body: body).response()
    }
}

/// The pieces of the forecast page for one territory subtree and period.
struct ForecastView {
    let period: ForecastPeriod
    let forecast: TerritoryForecast
    let company: ConsoleCompany
    let csrf: String

    /// The link to this page for `territory`.
    func link(_ territory: TerritoryID) -> String { "/console/forecast?period=\(period)&territory=\(territory)" }

    /// The period picker and the path up to the manager's own territory.
    var controls: HTML {
        let options = period.neighbours.map { "<option value=\"\($0)\"\($0 == period ? " selected" : "")>\($0)</option>" }.joined()
        var crumbs: [String] = []
        var current: TerritoryID? = forecast.territoryID
        while let id = current, let territory = company.tree.byID[id], company.scope.contains(id) {
            crumbs.insert(id == forecast.territoryID ? HTML.escape(territory.name) : "<a href=\"\(link(id))\">\(text: territory.name)</a>", at: 0)
            current = territory.parentID
        }
        let roots = company.roots.count > 1
            ? " · Your territories: " + company.roots.map { "<a href=\"\(link($0.id))\">\(text: $0.name)</a>" }.joined(separator: ", ") : ""
        return HTML(raw: """
            <form method="get" action="/console/forecast" class="row"><input type="hidden" name="territory" value="\(forecast.territoryID)">
            <label>Period<select name="period">\(options)</select></label><button type="submit" class="secondary">Show</button></form>
            <p class="muted">\(crumbs.joined(separator: " › "))\(roots) · \(forecast.total.computed.deals) opportunities close in \(period).</p>
            """)
    }

    /// A row of the chart and table: a territory's total or a rep's line in the root territory.
    struct Row {
        var label: String
        var territory: TerritoryID
        var rep: UserID?
        var line: ForecastLine
        var drill: String?
    }

    var rows: [Row] {
        [Row(label: forecast.name, territory: forecast.territoryID, rep: nil, line: forecast.total, drill: nil)]
            + forecast.children.map { Row(label: $0.name, territory: $0.territoryID, rep: nil, line: $0.total, drill: link($0.territoryID)) }
            + forecast.reps.map { Row(label: "@" + $0.name, territory: forecast.territoryID, rep: $0.userID, line: $0.line, drill: nil) }
    }

    /// The bar chart and the table of one currency: the subtree's total, then the
    /// children and reps that have a figure in that currency.
    func figures(in currency: Currency) -> HTML {
        let rows = rows.enumerated().filter { $0.offset == 0 || ForecastCurrencies.of($0.element.line).contains(currency) }.map(\.element)
        let chartRows = rows.map { row in
            let figures = row.line.computed.figures
            return SVGChart.ForecastRow(label: row.label, link: row.drill, closed: figures.closed[currency], commit: figures.commit[currency],
                                        bestCase: figures.bestCase[currency], pipeline: figures.pipeline[currency], quota: row.line.quota[currency])
        }
        let header = ["Territory / rep", "Closed", "Commit", "Best case", "Pipeline", "Quota", "% of quota", "Gap", "Submitted commit", "Adjusted commit"]
            .enumerated().map { "<th\($0.offset > 0 ? " class=\"num\"" : "")>\($0.element)</th>" }.joined()
        let body = rows.map { row -> String in
            let figures = row.line.computed.figures
            let quota = row.line.quota[currency]
            func cell(_ figure: String, _ money: Money) -> String {
                let rep = row.rep.map { "&rep=\($0)" } ?? ""
                return "<td class=\"num\" data-figure=\"\(figure)\" data-amount=\"\(money.decimalString)\">"
                    + "<a href=\"/console/forecast/deals?period=\(period)&territory=\(row.territory)&figure=\(figure)\(rep)\" "
                    + "title=\"The opportunities behind this figure\">\(text: money.groupedNumber)</a></td>"
            }
            let commit = figures.commit[currency]
            let percent = quota.minorUnits > 0 ? "\(Int((Double(commit.minorUnits) / Double(quota.minorUnits) * 100).rounded())) %" : "—"
            let gap = quota.minorUnits > 0 ? Money(minorUnits: quota.minorUnits - commit.minorUnits, currency: currency) : nil
            let label = row.drill.map { "<a href=\"\(text: $0)\">\(text: row.label)</a>" } ?? HTML.escape(row.label)
            return "<tr data-row=\"\(text: row.label)\" data-currency=\"\(currency.code)\"><td>\(label)</td>"
                + cell("closed", figures.closed[currency]) + cell("commit", commit) + cell("best_case", figures.bestCase[currency])
                + cell("pipeline", figures.pipeline[currency])
                + "<td class=\"num\" data-figure=\"quota\" data-amount=\"\(quota.decimalString)\">\(text: quota.groupedNumber)</td>"
                + "<td class=\"num\" data-figure=\"percent_of_quota\">\(percent)</td>"
                + "<td class=\"num\" data-figure=\"gap\" data-amount=\"\(gap?.decimalString ?? "")\">\(text: gap.map { $0.minorUnits > 0 ? $0.groupedNumber : "met" } ?? "—")</td>"
                + "<td class=\"num\" data-figure=\"submitted_commit\">\(text: row.line.submitted.commit[currency].groupedNumber)</td>"
                + "<td class=\"num\" data-figure=\"adjusted_commit\">\(text: row.line.adjusted.commit[currency].groupedNumber)</td></tr>"
        }.joined()
        return HTML(raw: """
            <section class="card" data-currency="\(currency.code)"><h2>Forecast against quota, amounts in \(currency.code)</h2>
            <p class="muted">All figures in this chart are \(currency.code); other currencies have their own chart (no exchange rates). \
            Commit includes Closed; Best case includes Commit. Click a territory to drill down, a figure for its opportunities.</p>
            \(html: SVGChart.forecastLegend)\(html: SVGChart.forecastBars(chartRows, currency: currency))
            <table class="figures"><thead><tr>\(header)</tr></thead><tbody>\(body)</tbody></table></section>
            """)
    }

    /// The commit trend of one currency.
    func trend(_ points: [SVGChart.Point], quota: Money, currency: Currency) -> HTML {
        let note = points.count < 2
            ? "<p class=\"muted\">The server stores a snapshot of every territory's figures each day the forecast is viewed; the line grows week by week.</p>" : ""
        return HTML(raw: """
            <section class="card" data-currency="\(currency.code)"><h2>Commit per week, \(currency.code)</h2>\(note)\
            \(html: SVGChart.trend(points, quota: quota.minorUnits > 0 ? quota : nil, currency: currency))</section>
            """)
    }

    /// Every rep of the subtree: submitted and adjusted figures side by side, the
    /// history of adjustments, and a form to adjust.
    var submissions: HTML {
        var entries: [(territory: TerritoryForecast, rep: RepForecast)] = []
        func walk(_ node: TerritoryForecast) {
            entries += node.reps.map { (node, $0) }
            node.children.forEach(walk)
        }
        walk(forecast)
        let rows = entries.map { entry -> String in
            let line = entry.rep.line
            let currency = ForecastCurrencies.of(line).first ?? .eur
            func four(_ figures: Figures, _ kind: String) -> String {
                "<td class=\"num\" data-\(kind)>" + zip(["closed", "commit", "best case", "pipeline"],
                                                         [figures.closed, figures.commit, figures.bestCase, figures.pipeline])
                    .map { "<span class=\"muted\">\($0.0)</span> \(HTML.escape($0.1[currency].groupedNumber))" }.joined(separator: "<br>") + "</td>"
            }
            let history = entry.rep.adjustments.map { event in
                "<li\(event.inForce ? "" : " class=\"muted\"")>\(text: event.manager): \(event.category.rawValue) \(text: event.amount.grouped)"
                    + "\(event.note.map { " — " + HTML.escape($0) } ?? "")\(event.inForce ? "" : " (superseded)")</li>"
            }.joined()
            let form: String
            if let submission = entry.rep.submissionID {
                let categories = [ForecastCategory.commit, .closed, .bestCase, .pipeline]
                    .map { "<option value=\"\($0.rawValue)\">\($0.rawValue.replacingOccurrences(of: "_", with: " "))</option>" }.joined()
                form = """
                    <form method="post" action="/console/forecast/adjust" class="row adjust" data-rep="\(text: entry.rep.name)">\
                    \(html: ConsolePage.csrfField(csrf))<input type="hidden" name="submission" value="\(submission)">\
                    <input type="hidden" name="back" value="\(text: link(forecast.territoryID))">\
                    <label>Figure<select name="category">\(categories)</select></label>\
                    <label>Amount (\(currency.code))<input name="amount" inputmode="decimal" size="9" required></label>\
                    <label>Note<input name="note" size="16"></label><button type="submit">Adjust</button></form>
                    """
            } else {
                form = "<span class=\"muted\">No submission for \(period) yet.</span>"
            }
            return "<tr data-rep=\"\(text: entry.rep.name)\"><td>@\(text: entry.rep.name)<br><span class=\"muted\">\(text: entry.territory.name) · \(currency.code)</span></td>"
                + four(line.submitted, "submitted") + four(line.adjusted, "adjusted") + "<td><ul>\(history)</ul>\(form)</td></tr>"
        }.joined()
        return HTML(raw: """
            <section class="card"><h2>Submissions and adjustments</h2>
            <p class="muted">What each rep submitted and what it reads after your adjustments; an adjustment never overwrites the submission.</p>
            <table><thead><tr><th>Rep</th><th class="num">Submitted</th><th class="num">Adjusted</th><th>Adjustments</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"4\" class=\"muted\">No rep has figures here for \(period).</td></tr>" : rows)</tbody></table></section>
            """)
    }
}

extension CalendarDay {
    /// The day (UTC) holding `date`.
    init(date: Date) { self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down))) }
}
