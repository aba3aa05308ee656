import FieldClient
import Foundation
import OutpostModel
import OutpostReplication
import OutpostServer
import OutpostSQLite
import OutpostStore
import TestSupport
import StoreTestSupport
import Testing

@Suite("The browser console in headless Chromium, against the real server", .serialized)
struct ConsoleBrowserTests {
    static let period = ForecastPeriod.quarter(year: 2026, quarter: 4)

    @Test("A manager's forecast page shows what GET /forecast gives; the manager approves one quote and rejects another with a comment, the desk rejects an order with a reason, and the rep's device receives all three",
          .enabled(if: ConsoleBrowser.isAvailable, "needs Debian's chromium (scripts/install-deps.sh)"), .timeLimit(.minutes(5)))
    func managerAndDesk() async throws {
        let folder = try ScratchFolder("outpost-console")
        defer { folder.remove() }
        let database = folder.path("hq.sqlite")
        let company = TestCompany()
        let store = try SQLiteStore(path: database)
        try await store.insert(Self.forecastBatch(company))
        _ = try await OrderDesk.installed(on: store, company: company)
        let code = try await store.enrolmentCode(for: company.repNorth)
        let tokenFile = folder.url.appendingPathComponent("feed.token")
        try "console-test-token".write(to: tokenFile, atomically: true, encoding: .utf8)
        let server = try await ServerProcess.start(database: database, extraArguments: ["--feed-token-file", tokenFile.path])
        defer { server.kill() }

        // The rep, offline: one quote over the 15 % threshold (awaits approval), one within it, accepted and ordered.
        let url = server.serverURL
        let rep = try await blocking { Result { () throws(ReplicaError) in
            try Enrolment.enrol(folder: folder.url.appendingPathComponent("rep"), serverURL: url, code: code, label: "rep", secret: LiveHub.passphrase).replica
        } }.get()
        _ = try await sync(rep, endpoint: server.tcpEndpoint)
        let deal = try #require(company.opportunities.first { $0.ownerID == company.repNorth.id })
        let overThreshold = try rep.newQuote(opportunity: deal.id.description)
        try rep.configureQuote(overThreshold.id.description, product: "PC-1", select: ["wifi"], deselect: [], quantity: 2, priceBook: nil)
        try rep.priceQuote(overThreshold.id.description, discountBasisPoints: 2_000)
        #expect(try rep.submitQuote(overThreshold.id.description).0.status == .submitted)
        let refused = try rep.newQuote(opportunity: deal.id.description)
        try rep.configureQuote(refused.id.description, product: "PC-1", select: ["wifi"], deselect: [], quantity: 1, priceBook: nil)
        try rep.priceQuote(refused.id.description, discountBasisPoints: 3_000)
        #expect(try rep.submitQuote(refused.id.description).0.status == .submitted)
        let ordered = try rep.newQuote(opportunity: deal.id.description)
        try rep.configureQuote(ordered.id.description, product: "PC-1", select: ["ssd-small"], deselect: [], quantity: 1, priceBook: nil)
        #expect(try rep.submitQuote(ordered.id.description).0.status == .approved)
        try rep.acceptQuote(ordered.id.description)
        // The deal stays open, so the forecast read before and after the desk's rejection is the same.
        let order = try rep.placeOrder(quote: ordered.id.description, OrderPlacement(keepOpportunity: true))
        let pushed = try await sync(rep, endpoint: server.tcpEndpoint)
        let refusals = try rep.rejectedWrites().map(\.message)
        #expect(pushed.rejected == 0, "\(refusals)")

        // The browser: the manager signs in with a link, reads the forecast, approves; then the desk rejects the order.
        let managerLink = try Self.loginLink("boss", database: database, server: url, next: "/console/forecast?period=\(Self.period)")
        let deskLink = try Self.loginLink("desk", database: database, server: url, next: "/console/orders")
        let reason = "Customer asked us to hold it until January"
        let comment = "30 % is too much; offer 15 % and free shipping"
        let orderCard = "section.order[data-order=\"SO-000001\"]"
        // What the API says before the browser changes anything (rejecting the order re-opens its deal).
        let api = try await Self.forecastJSON(server: server, territory: "Europe")
        let pages = try await ConsoleBrowser.run([
            .open(managerLink, save: "forecast"),
            .open(url + "/console/pipeline", save: "pipeline"),
            .open(url + "/console/approvals", save: "approvals"),
            .submit("section.quote[data-quote=\"\(overThreshold.id)\"] form.approve", save: "approved"),
            .fill("section.quote[data-quote=\"\(refused.id)\"] form.reject input[name=comment]", value: comment),
            .submit("section.quote[data-quote=\"\(refused.id)\"] form.reject", save: "quote-rejected"),
            .open(managerLink, save: "link-used-twice"),
            .open(deskLink, save: "orders"),
            .fill("\(orderCard) form.reject input[name=reason]", value: reason),
            .submit("\(orderCard) form.reject", save: "rejected"),
            .open(url + "/console/forecast", save: "desk-on-forecast"),
        ])

        // Forecast: the territories, their figures and their bars are GET /forecast's for the same period.
        let forecast = try #require(pages["forecast"])
        let europe = try #require(api["forecast"] as? [String: Any])
        let children = try #require(europe["children"] as? [[String: Any]])
        #expect(children.map { $0["name"] as? String } == ["North", "South"])
        var checked = 0
        for node in [europe] + children {
            let name = try #require(node["name"] as? String)
            let expected = Self.figures(of: node, currency: "EUR")
            let row = try #require(ConsoleDOM.element(forecast, opening: "<tr data-row=\"\(name)\" data-currency=\"EUR\">", closing: "</tr>"),
                                   "the table has a row for \(name)")
            let shown = ConsoleDOM.amounts(row)
            for (figure, amount) in expected { #expect(shown[figure] == amount, "\(name) \(figure)") }
            let svg = try #require(ConsoleDOM.element(forecast, opening: "<g class=\"bar-row\" data-row=\"\(name)\" data-currency=\"EUR\">", closing: "</g>"),
                                   "the chart has bars for \(name)")
            let bars = ConsoleDOM.bars(svg)
            for figure in ["closed", "commit", "best_case", "pipeline"] {
                #expect(bars[figure].map { String(format: "%.2f", $0.amount) } == expected[figure], "\(name) \(figure) bar")
            }
            #expect(ConsoleDOM.amounts(svg)["quota"] == expected["quota"], "\(name) quota mark")
            checked += 1
        }
        #expect(checked == 3)
        // Bars share one scale: width per amount is the same for every bar drawn.
        let scales = ConsoleDOM.bars(forecast).values.filter { $0.amount > 0 }.map { $0.width / $0.amount }
        #expect(!scales.isEmpty && scales.allSatisfy { abs($0 - scales[0]) / scales[0] < 0.01 })
        #expect(forecast.contains("amounts in EUR"), "the chart says its currency")
        #expect(forecast.contains("class=\"chart trend\""), "the commit trend is drawn")
        #expect(forecast.contains("form method=\"post\" action=\"/console/forecast/adjust\""), "the rep's submission can be adjusted")

        let pipeline = try #require(pages["pipeline"])
        #expect(pipeline.contains("data-stage=\"Negotiation\" data-count=\"1\" data-amount=\"50000.00\""))

        // Approvals: the quote was listed with its discount, and approving it took it off the list.
        #expect(try #require(pages["approvals"]).contains("data-discount=\"2000\""))
        let approved = try #require(pages["approved"])
        #expect(approved.contains("Approved;"))
        #expect(!approved.contains("data-quote=\"\(overThreshold.id)\""))
        let quoteRejected = try #require(pages["quote-rejected"])
        #expect(quoteRejected.contains("Rejected;") && !quoteRejected.contains("data-quote=\"\(refused.id)\""))
        #expect(try #require(pages["link-used-twice"]).contains("This sign-in link is used"))

        // Order desk: rejected with the reason; the desk may not read forecasts.
        let rejected = try #require(pages["rejected"])
        #expect(rejected.contains("data-order=\"SO-000001\" data-status=\"rejected\""))
        #expect(rejected.contains(reason))
        #expect(try #require(pages["desk-on-forecast"]).contains("This page is for manager users."))

        // The rep's device receives both at its next sync.
        _ = try await sync(rep, endpoint: server.tcpEndpoint)
        let quote = try rep.quote(overThreshold.id.description)
        #expect(quote.status == .approved && quote.approvedBy == company.manager.id)
        let refusedNow = try rep.quote(refused.id.description)
        #expect(refusedNow.status == .rejected && refusedNow.rejectionReason == comment, "the manager's comment reaches the rep")
        let received = try #require(try rep.orders().first { $0.order.id == order.id })
        #expect(received.order.status == .rejected)
        #expect(received.order.deskNote == reason)
    }

    /// The test company with forecast figures: a deal in negotiation in North, one won in
    /// South, quotas and North's submission for the quarter.
    static func forecastBatch(_ company: TestCompany) throws -> RecordBatch {
        var batch = company.batch
        let north = company.accounts(in: company.north)[0], south = company.accounts(in: company.south)[0]
        batch.opportunities += [
            Opportunity(accountID: north.id, ownerID: company.repNorth.id, name: "Big Deal", stage: .negotiation,
                        amount: Money(minorUnits: 5_000_000, currency: .eur), closeDate: try CalendarDay(year: 2026, month: 11, day: 20)),
            Opportunity(accountID: south.id, ownerID: company.repSouth.id, name: "Won Deal", stage: .closedWon,
                        amount: Money(minorUnits: 3_000_000, currency: .eur), closeDate: try CalendarDay(year: 2026, month: 10, day: 10)),
        ]
        batch.quotas = [
            Quota(userID: company.repNorth.id, territoryID: company.north.id, period: period, amount: Money(minorUnits: 15_000_000, currency: .eur)),
            Quota(userID: company.repSouth.id, territoryID: company.south.id, period: period, amount: Money(minorUnits: 8_000_000, currency: .eur)),
        ]
        batch.forecastSubmissions = [ForecastSubmission(ownerID: company.repNorth.id, territoryID: company.north.id, period: period,
                                                        amounts: [.commit: Money(minorUnits: 6_000_000, currency: .eur)])]
        return batch
    }

    /// `outpost-server user login-link NAME --json`, run as the real binary.
    static func loginLink(_ name: String, database: String, server: String, next: String) throws -> String {
        let process = Process()
        process.executableURL = ServerProcess.binary
        process.arguments = ["user", "login-link", name, "--db", database, "--url", server, "--next", next, "--json"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        return try #require(json?["url"] as? String)
    }

    /// `GET /forecast` of the real server for the test period.
    static func forecastJSON(server: ServerProcess, territory: String) async throws -> [String: Any] {
        let request = "GET /forecast?period=\(period)&territory=\(territory) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Authorization: Bearer console-test-token\r\nConnection: close\r\n\r\n"
        let response = String(decoding: try await sendAndWaitForClose(to: server.httpPort, Array(request.utf8)), as: UTF8.self)
        let body = try #require(response.components(separatedBy: "\r\n\r\n").dropFirst().first)
        return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    /// A territory's total figures in `currency` from the API's JSON, as the page writes amounts.
    static func figures(of node: [String: Any], currency: String) -> [String: String] {
        let total = node["total"] as? [String: Any] ?? [:]
        let computed = total["computed"] as? [String: Any] ?? [:]
        func amount(_ object: Any?) -> String { (object as? [String: String])?[currency] ?? "0.00" }
        return ["closed": amount(computed["closed"]), "commit": amount(computed["commit"]), "best_case": amount(computed["best_case"]),
                "pipeline": amount(computed["pipeline"]), "quota": amount(total["quota"])]
    }
}
