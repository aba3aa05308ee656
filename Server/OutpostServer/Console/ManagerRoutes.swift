import Forecasting
import Foundation
import Hummingbird
import OutpostModel
import OutpostSQLite

/// The manager's pages: forecast (and the opportunities behind a figure, and
/// adjusting a rep's forecast), pipeline, approvals.
func addManagerRoutes(to router: Router<BasicRequestContext>, console: ConsoleService) {
    console.page("console/forecast", roles: [.manager], on: router) { try await console.forecastPage($0, session: $1, flash: $2) }
    console.page("console/forecast/deals", roles: [.manager], on: router) { request, session, _ in
        try await console.dealsPage(request, session: session)
    }
    router.post("console/forecast/adjust") { request, _ in
        try await console.posted(request, roles: [.manager]) { session, form in
            let back = form["back"].flatMap { $0.hasPrefix("/console/forecast") ? $0 : nil } ?? "/console/forecast"
            return try await console.act(as: session.user, back: back, done: "Adjusted; the rep's device shows it after its next sync.") {
                let scope = try await console.scope(of: session.user)
                guard let submission = try await console.store.forecastSubmissions().first(where: { $0.id.description == form["submission"] }),
                      scope.contains(submission.territoryID) else {
                    throw ConsoleActionError("that submission is not in your territories; reload the forecast")
                }
                guard let category = ForecastCategory(rawValue: form["category"] ?? "") else {
                    throw ConsoleActionError("choose closed, commit, best case or pipeline to adjust")
                }
                return try ConsoleActions.adjust(submission, category: category, amount: form["amount"] ?? "", note: form["note"],
                                                 by: session.user, at: console.now())
            }
        }
    }
    console.page("console/pipeline", roles: [.manager], on: router) { try await console.pipelinePage($0, session: $1, flash: $2) }
    console.page("console/approvals", roles: [.manager], on: router) { try await console.approvalsPage(session: $1, flash: $2) }
    router.post("console/approvals/:quote/:action") { request, context in
        try await console.posted(request, roles: [.manager]) { session, form in
            let action = context.parameters.get("action") ?? ""
            let id = context.parameters.get("quote") ?? ""
            return try await console.act(as: session.user, back: "/console/approvals",
                                         done: action == "approve" ? "Approved; the rep can have it accepted after their next sync."
                                             : "Rejected; the rep reads your comment after their next sync.") {
                let pending = try await console.awaitingApproval(for: session.user)
                guard let item = pending.first(where: { $0.quote.id.description == id }) else {
                    throw ConsoleActionError("that quote no longer awaits your approval; reload the page")
                }
                switch action {
                case "approve": return try ConsoleActions.approve(item.quote, by: session.user)
                case "reject":
                    return try ConsoleActions.reject(item.quote, by: session.user, comment: form["comment"] ?? "")
                default: throw ConsoleActionError("unknown action \(action)")
                }
            }
        }
    }
}

extension ConsoleService {
    /// The opportunities behind one figure of one territory (or one rep there) and period.
    func dealsPage(_ request: Request, session: ConsoleSessionRecord) async throws -> Response {
        let query = request.uri.queryParameters
        let company = try await ConsoleCompany.load(self, for: session.user)
        let period: ForecastPeriod
        let territory: Territory
        do {
            period = try ForecastPeriod(parsing: query.get("period") ?? "")
            territory = try company.territory(query.get("territory"))
        } catch {
            return ConsolePage(title: "Opportunities", tab: .forecast, user: session.user, csrf: session.csrf, error: "\(error)",
                               body: HTML(raw: "")).response(status: .badRequest)
        }
        let figure = query.get("figure") ?? "commit"
        let categories: Set<ForecastCategory> = switch figure {
        case "closed": [.closed]
        case "best_case": [.bestCase, .commit, .closed]
        case "pipeline": [.pipeline, .bestCase, .commit]
        default: [.commit, .closed]
        }
        let rep = query.get("rep").flatMap(UUID.init(uuidString:)).map(UserID.init)
        let territories = rep == nil ? company.tree.subtree(of: [territory.id]) : [territory.id]
        let deals = company.opportunities.filter { opportunity in
            guard let home = company.territory(of: opportunity) else { return false }
            return territories.contains(home) && period.contains(opportunity.closeDate) && categories.contains(opportunity.forecastCategory)
                && (rep == nil || opportunity.ownerID == rep)
        }.sorted { ($0.amount.minorUnits, $0.name) > ($1.amount.minorUnits, $1.name) }
        var totals = Forecasting.Amounts.zero
        for deal in deals { totals.add(deal.amount) }
        let rows = deals.map { deal in
            "<tr data-opportunity=\"\(deal.id)\"><td>\(text: deal.name)</td><td>\(text: company.accounts[deal.accountID]?.name ?? "")</td>"
                + "<td>\(deal.stage.rawValue.replacingOccurrences(of: "_", with: " "))</td><td class=\"num\" data-amount=\"\(deal.amount.decimalString)\">"
                + "\(text: deal.amount.grouped)</td><td>\(deal.closeDate)</td><td>\(text: company.name(of: deal.ownerID))</td></tr>"
        }.joined()
        let who = rep.map { " · " + company.name(of: $0) } ?? ""
        let body = HTML(raw: """
            <p><a href="/console/forecast?period=\(period)&territory=\(territory.id)">Back to the forecast</a></p>
            <section class="card"><table><thead><tr><th>Opportunity</th><th>Account</th><th>Stage</th><th class="num">Amount</th><th>Close date</th><th>Owner</th></tr></thead>
            <tbody>\(rows.isEmpty ? "<tr><td colspan=\"6\" class=\"muted\">No opportunity counts in this figure.</td></tr>" : rows)</tbody>
            <tfoot><tr><th colspan="3">\(deals.count) opportunities</th><th class="num" data-total>\(text: totals.money.map(\.grouped).joined(separator: " + "))</th><th colspan="2"></th></tr></tfoot></table></section>
            """)
        return ConsolePage(title: "\(figure.replacingOccurrences(of: "_", with: " ").capitalized) · \(territory.name)\(who) · \(period)",
                           tab: .forecast, user: session.user, csrf: session.csrf, body: body).response()
    }
}
