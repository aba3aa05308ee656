import Foundation
import Hummingbird
import OutpostModel
import OutpostReplication
import OutpostSQLite

/// A quote waiting for the manager: the quote, its deal, and where it routes.
struct PendingApproval {
    var quote: Quote
    var opportunity: Opportunity
    var territory: TerritoryID
}

extension ConsoleService {
    /// Submitted quotes (a discount over the price book's threshold) in `manager`'s territories.
    func awaitingApproval(for manager: User) async throws -> [PendingApproval] {
        let scope = try await scope(of: manager)
        let quotes = try await store.routedRecords(of: .quote, as: Quote.self)
            .filter { $0.record.status == .submitted && ($0.territory.map(scope.contains) ?? false) }
        guard !quotes.isEmpty else { return [] }
        let opportunities = Dictionary(try await store.opportunities(of: nil).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return quotes.compactMap { routed in
            opportunities[routed.record.opportunityID].map { PendingApproval(quote: routed.record, opportunity: $0, territory: routed.territory!) }
        }
    }

    /// The quotes awaiting the manager's approval, with lines and discount; approve, or reject with a comment.
    func approvalsPage(session: ConsoleSessionRecord, flash: Flash?) async throws -> Response {
        let pending = try await awaitingApproval(for: session.user)
        let lines = try await QuoteLinesView.load(store, for: pending.flatMap(\.quote.lines))
        let accounts = Dictionary(try await store.accounts(in: Set(pending.map(\.territory))).map { ($0.id, $0) },
                                  uniquingKeysWith: { first, _ in first })
        let users = Dictionary(try await store.users().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let cards = pending.map { item -> String in
            let quote = item.quote
            let percent = String(format: "%.2f %%", Double(quote.discountBasisPoints) / 100)
            let discount = [quote.discountBasisPoints > 0 ? percent : nil, quote.discountAmount.map { $0.grouped + " off" }]
                .compactMap { $0 }.joined(separator: " then ")
            return """
                <section class="card quote" data-quote="\(quote.id)"><h2>\(text: item.opportunity.name)</h2>
                <p class="muted">\(text: accounts[item.opportunity.accountID]?.name ?? "") · rep \(text: users[item.opportunity.ownerID]?.displayName ?? "") \
                · quote \(ShortID.of(quote.id.description))</p>\(lines.table(quote.lines))
                <p>Discount: <strong data-discount="\(quote.discountBasisPoints)">\(text: discount.isEmpty ? "none" : discount)</strong> · \
                Total: <strong>\(text: quote.total?.grouped ?? "not priced")</strong></p>
                <form method="post" action="/console/approvals/\(quote.id)/approve" class="row approve">\(html: ConsolePage.csrfField(session.csrf))\
                <button type="submit">Approve</button></form>
                <form method="post" action="/console/approvals/\(quote.id)/reject" class="row reject">\(html: ConsolePage.csrfField(session.csrf))\
                <label>Comment for the rep<input name="comment" size="40" required></label><button type="submit" class="danger">Reject</button></form></section>
                """
        }.joined()
        let body = HTML(raw: cards.isEmpty ? "<p class=\"card muted\">No quote awaits your approval.</p>" : cards)
        return ConsolePage(title: "Approvals (\(pending.count))", tab: .approvals, user: session.user, csrf: session.csrf,
                           notice: flash?.notice, error: flash?.error, body: body).response()
    }
}
