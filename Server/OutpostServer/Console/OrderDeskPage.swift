import Foundation
import Hummingbird
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore

/// The order desk's queue: submitted orders first, with customer, rep, date, lines and
/// total; accept, reject (with a reason) or fulfil, along the same states and with the
/// same replicated writes as `outpost orders accept|reject|fulfil`.
func addDeskRoutes(to router: Router<BasicRequestContext>, console: ConsoleService) {
    console.page("console/orders", roles: [.desk], on: router) { try await console.orderDeskPage($0, session: $1, flash: $2) }
    router.post("console/orders/:order/:action") { request, context in
        try await console.posted(request, roles: [.desk]) { session, form in
            let id = context.parameters.get("order") ?? ""
            let status: OrderStatus? = switch context.parameters.get("action") {
            case "accept": .accepted
            case "reject": .rejected
            case "fulfil": .fulfilled
            default: nil
            }
            let back = "/console/orders" + (form["filter"].map { "?status=\($0.filter(\.isLetter))" } ?? "")
            return try await console.act(as: session.user, back: back, done: "Order \(status?.rawValue ?? "changed"); the rep's device shows it after its next sync.") {
                guard let status else { throw ConsoleActionError("unknown order action") }
                guard let order = try await console.store.routedRecords(of: .order, as: Order.self).first(where: { $0.record.id.description == id }) else {
                    throw ConsoleActionError("no such order; reload the queue")
                }
                return try ConsoleActions.move(order.record, to: status, reason: form["reason"])
            }
        }
    }
    router.get("console/refresh.js") { _, _ in
        Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                 body: .init(byteBuffer: ByteBuffer(string: ConsolePage.refreshScript)))
    }
}

extension ConsoleService {
    func orderDeskPage(_ request: Request, session: ConsoleSessionRecord, flash: Flash?) async throws -> Response {
        let filter = request.uri.queryParameters.get("status").flatMap { OrderStatus(rawValue: $0) }
        let orders = try await store.orders().filter { filter == nil || $0.status == filter }
            .sorted { ($0.status == .submitted ? 0 : 1, $0.number) < ($1.status == .submitted ? 0 : 1, $1.number) }
        let quotes = Dictionary(try await store.routedRecords(of: .quote, as: Quote.self).map { ($0.record.id, $0.record) },
                                uniquingKeysWith: { first, _ in first })
        let opportunities = Dictionary(try await store.opportunities(of: nil).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let accounts = Dictionary(try await store.accounts(in: nil).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let users = Dictionary(try await store.users().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = try await QuoteLinesView.load(store, for: orders.flatMap(\.lines))
        let filterField = filter.map { "<input type=\"hidden\" name=\"filter\" value=\"\($0.rawValue)\">" } ?? ""
        let cards = orders.map { order -> String in
            let opportunity = quotes[order.quoteID].flatMap { opportunities[$0.opportunityID] }
            let customer = opportunity.flatMap { accounts[$0.accountID]?.name } ?? "—"
            let rep = opportunity.flatMap { users[$0.ownerID]?.displayName } ?? "—"
            func button(_ action: String, _ label: String, _ style: String, extra: String = "") -> String {
                "<form method=\"post\" action=\"/console/orders/\(order.orderID)/\(action)\" class=\"row \(action)\">"
                    + ConsolePage.csrfField(session.csrf).markup + filterField + extra
                    + "<button type=\"submit\" class=\"\(style)\">\(label)</button></form>"
            }
            let actions = order.status.nextStates.map { next -> String in
                switch next {
                case .accepted: button("accept", "Accept", "")
                case .fulfilled: button("fulfil", "Mark fulfilled", "")
                case .rejected: button("reject", "Reject", "danger",
                                       extra: "<label>Reason for the rep<input name=\"reason\" size=\"36\" required></label>")
                case .submitted: ""
                }
            }.joined()
            return """
                <section class="card order" data-order="\(order.number)" data-status="\(order.status.rawValue)">\
                <h2>\(order.number) <span class="status \(order.status.rawValue)">\(order.status.rawValue)</span></h2>
                <p class="muted"><span data-customer>\(text: customer)</span> · rep <span data-rep>\(text: rep)</span> · placed \
                \(order.placedAt.formatted(.iso8601.year().month().day())) · total <strong data-total="\(order.total.decimalString)">\(text: order.total.grouped)</strong></p>
                \(lines.table(order.lines))\(order.note.map { "<p>Desk note: <em data-note>\(HTML.escape($0))</em></p>" } ?? "")\(actions)</section>
                """
        }.joined()
        let tabs = ([nil] + OrderStatus.allCases.map(Optional.some)).map { status in
            let label = status?.rawValue ?? "all"
            return status == filter ? "<strong>\(label)</strong>" : "<a href=\"/console/orders\(status.map { "?status=\($0.rawValue)" } ?? "")\">\(label)</a>"
        }.joined(separator: " · ")
        let body = HTML(raw: "<p class=\"muted\">Show: \(tabs). The queue reloads every 30 s while you are not typing.</p>"
            + (cards.isEmpty ? "<p class=\"card muted\">No orders here.</p>" : cards)
            + "<script src=\"/console/refresh.js\" defer></script>")
        return ConsolePage(title: "Order desk (\(orders.filter { $0.status == .submitted }.count) to work)", tab: .orders, user: session.user,
                           csrf: session.csrf, notice: flash?.notice, error: flash?.error, body: body).response()
    }
}

extension ConsolePage {
    /// Reloads the page every 30 s unless the person is typing in a field.
    static let refreshScript = """
        "use strict";
        setInterval(function () {
          var typing = Array.prototype.some.call(document.querySelectorAll("input:not([type=hidden]), textarea"),
            function (field) { return field.value !== "" || field === document.activeElement; });
          if (!typing) { location.reload(); }
        }, 30000);
        """
}
