import Foundation
import Hummingbird
import OutpostModel
import OutpostSQLite

/// The manager's open pipeline: opportunities by stage as a funnel and by close month,
/// filtered by territory (its subtree) and owner; one chart pair per currency.
extension ConsoleService {
    func pipelinePage(_ request: Request, session: ConsoleSessionRecord, flash: Flash?) async throws -> Response {
        let query = request.uri.queryParameters
        let company = try await ConsoleCompany.load(self, for: session.user)
        let territory: Territory
        do { territory = try company.territory(query.get("territory")) } catch {
            return ConsolePage(title: "Pipeline", tab: .pipeline, user: session.user, csrf: session.csrf, error: "\(error)",
                               body: HTML(raw: "")).response(status: .badRequest)
        }
        let owner = query.get("owner").flatMap(UUID.init(uuidString:)).map(UserID.init)
        let subtree = company.tree.subtree(of: [territory.id])
        let inScope = company.opportunities.filter { company.territory(of: $0).map(subtree.contains) ?? false }
        let open = inScope.filter { !$0.stage.isClosed && (owner == nil || $0.ownerID == owner) }

        let territoryOptions = company.tree.byID.values.filter { company.scope.contains($0.id) }
            .map { (path: company.tree.path(of: $0.id).joined(separator: " › "), id: $0.id) }.sorted { $0.path < $1.path }
            .map { "<option value=\"\($0.id)\"\($0.id == territory.id ? " selected" : "")>\(text: $0.path)</option>" }.joined()
        let owners = Set(inScope.map(\.ownerID)).map { (name: company.name(of: $0), id: $0) }.sorted { $0.name < $1.name }
        let ownerOptions = "<option value=\"\">Everyone</option>" + owners
            .map { "<option value=\"\($0.id)\"\($0.id == owner ? " selected" : "")>\(text: $0.name)</option>" }.joined()
        var body = HTML(raw: """
            <form method="get" action="/console/pipeline" class="row"><label>Territory<select name="territory">\(territoryOptions)</select></label>
            <label>Owner<select name="owner">\(ownerOptions)</select></label><button type="submit" class="secondary">Filter</button></form>
            <p class="muted">\(open.count) open opportunities in \(text: territory.name)\(owner.map { " owned by " + HTML.escape(company.name(of: $0)) } ?? "").</p>
            """)
        let currencies = Set(open.map(\.amount.currency)).sorted { $0.code < $1.code }
        for currency in currencies {
            let deals = open.filter { $0.amount.currency == currency }
            let stages = [OpportunityStage.prospecting, .qualification, .proposal, .negotiation].map { stage in
                let atStage = deals.filter { $0.stage == stage }
                return SVGChart.Step(label: stage.rawValue.capitalized, count: atStage.count,
                                     amount: Money(minorUnits: atStage.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency))
            }
            let months = Dictionary(grouping: deals) { String($0.closeDate.description.prefix(7)) }.sorted { $0.key < $1.key }.map { month, inMonth in
                SVGChart.Step(label: month, count: inMonth.count,
                              amount: Money(minorUnits: inMonth.reduce(0) { $0 + $1.amount.minorUnits }, currency: currency))
            }
            body = body + HTML(raw: """
                <div class="grid"><section class="card" data-currency="\(currency.code)"><h2>By stage, amounts in \(currency.code)</h2>\
                \(html: SVGChart.funnel(stages, currency: currency))</section>
                <section class="card" data-currency="\(currency.code)"><h2>By close month, amounts in \(currency.code)</h2>\
                \(html: SVGChart.columns(months, currency: currency))</section></div>
                """)
        }
        if currencies.isEmpty { body = body + HTML(raw: "<p class=\"card muted\">No open opportunities match.</p>") }
        return ConsolePage(title: "Pipeline · \(territory.name)", tab: .pipeline, user: session.user, csrf: session.csrf,
                           notice: flash?.notice, error: flash?.error, body: body).response()
    }
}
