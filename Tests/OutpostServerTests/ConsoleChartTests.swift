import Foundation
import OutpostModel
import OutpostSQLite
@testable import OutpostServer
import Testing

@Suite("Browser console: SVG charts and markup")
struct ConsoleChartTests {
    @Test("forecast bars are drawn on one scale, carry their exact amounts, and mark the quota")
    func forecastBars() {
        let eur = { (units: Int64) in Money(minorUnits: units * 100, currency: .eur) }
        let svg = SVGChart.forecastBars([
            .init(label: "North", link: "/console/forecast?territory=x", closed: eur(100), commit: eur(300), bestCase: eur(400), pipeline: eur(800), quota: eur(1000)),
            .init(label: "South & <Co>", link: nil, closed: eur(0), commit: eur(50), bestCase: eur(50), pipeline: eur(0), quota: eur(0)),
        ], currency: .eur).markup
        #expect(svg.contains("data-currency=\"EUR\""))
        #expect(svg.contains("data-figure=\"commit\" data-amount=\"300.00\" x=\"190\" y=\"10\" width=\"168\""), "560 px for the largest figure, the quota")
        #expect(svg.contains("data-figure=\"quota\" data-amount=\"1000.00\" x1=\"750\""))
        #expect(svg.contains("data-row=\"South &amp; &lt;Co&gt;\""), "labels are escaped")
        #expect(!svg.contains("<Co>"))
        #expect(svg.components(separatedBy: "class=\"quota\"").count == 2, "no quota, no mark")
    }

    @Test("funnel, columns and trend draw one element per step with its figures")
    func otherCharts() {
        let steps = [SVGChart.Step(label: "Proposal", count: 3, amount: Money(minorUnits: 900_000, currency: .gbp)),
                     SVGChart.Step(label: "Negotiation", count: 1, amount: Money(minorUnits: 300_000, currency: .gbp))]
        let funnel = SVGChart.funnel(steps, currency: .gbp).markup
        #expect(funnel.components(separatedBy: "class=\"funnel-step\"").count == 3)
        #expect(funnel.contains("data-stage=\"Negotiation\" data-count=\"1\" data-amount=\"3000.00\""))
        #expect(SVGChart.columns(steps, currency: .gbp).markup.contains("data-month=\"Proposal\" data-count=\"3\" data-amount=\"9000.00\""))
        let trend = SVGChart.trend([.init(label: "W1", value: Money(minorUnits: 100, currency: .gbp)),
                                    .init(label: "W2", value: Money(minorUnits: 300, currency: .gbp))],
                                   quota: Money(minorUnits: 600, currency: .gbp), currency: .gbp).markup
        #expect(trend.contains("<polyline"))
        #expect(trend.contains("data-week=\"W2\" data-amount=\"3.00\""))
    }

    @Test("amounts read grouped and compact; text is escaped; forms parse")
    func formatting() {
        #expect(Money(minorUnits: 5_950_000, currency: .eur).grouped == "59,500.00 EUR")
        #expect(Money(minorUnits: -123_456_789, currency: .eur).grouped == "-1,234,567.89 EUR")
        #expect(Money(minorUnits: 5_950_000, currency: .eur).compact == "59.5k")
        #expect(Money(minorUnits: 120_000_000, currency: .eur).compact == "1.2M")
        #expect(HTML.escape("<a href=\"x\">O'Neil & Co</a>") == "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; Co&lt;/a&gt;")
        let form = ConsoleForm(encoded: "reason=Wait+until+%C3%A9t%C3%A9&csrf=abc&reason=second")
        #expect(form["reason"] == "Wait until été")
        #expect(form["csrf"] == "abc")
        #expect(form["missing"] == nil)
    }
}

@Suite("Browser console: actions")
struct ConsoleActionTests {
    @Test("order moves follow the desk's state machine and a rejection needs a reason; a quote is approved or rejected only while submitted")
    func actions() throws {
        let order = Order(quoteID: EntityID(), quoteHash: String(repeating: "a", count: 64), number: OrderNumber(7))
        #expect(throws: ConsoleActionError.self) { try ConsoleActions.move(order, to: .fulfilled, reason: nil) }
        #expect(throws: ConsoleActionError.self) { try ConsoleActions.move(order, to: .rejected, reason: "  ") }
        let rejected = try ConsoleActions.move(order, to: .rejected, reason: " Out of stock ")
        guard case .update(let record as Order) = try #require(rejected.first) else { Issue.record("not an order update"); return }
        #expect(record.status == .rejected && record.deskNote == "Out of stock")
        guard case .update(let accepted as Order) = try #require(try ConsoleActions.move(order, to: .accepted, reason: nil).first) else {
            Issue.record("not an order update"); return
        }
        #expect(accepted.status == .accepted && accepted.deskNote == nil)

        let manager = User(name: "boss", displayName: "Boss", role: .manager)
        let opportunity = Opportunity(accountID: AccountID(), ownerID: UserID(), name: "Deal", stage: .proposal,
                                      amount: Money(minorUnits: 100, currency: .eur), closeDate: try CalendarDay(year: 2026, month: 12, day: 1))
        let draft = Quote(opportunityID: opportunity.id)
        #expect(throws: ConsoleActionError.self) { try ConsoleActions.approve(draft, by: manager) }
        var submitted = draft
        submitted.status = .submitted
        #expect(throws: ConsoleActionError.self) { try ConsoleActions.reject(submitted, by: manager, comment: " ") }
        guard case .update(let rejectedQuote as Quote) = try #require(try ConsoleActions.reject(submitted, by: manager, comment: "Too deep a discount").first) else {
            Issue.record("not a quote update"); return
        }
        #expect(rejectedQuote.status == .rejected && rejectedQuote.rejectionReason == "Too deep a discount")
        #expect(throws: ConsoleActionError.self) { try ConsoleActions.reject(rejectedQuote, by: manager, comment: "again") }
    }
}
