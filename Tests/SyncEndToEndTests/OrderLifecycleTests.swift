import FieldClient
import Foundation
import MergeEngine
import OrderIntake
import OutpostModel
import OutpostServer
import OutpostSQLite
import OutpostStore
import Testing
import TestSupport

/// The quote-to-order-to-desk lifecycle on the real binaries: `outpost-server serve` and
/// three `outpost` devices (a rep, their manager, the order desk).
@Suite("Quote to order to desk, on the real binaries", .serialized)
struct OrderLifecycleTests {
    /// A company on a fresh database, the server serving it, and an enrolled, synced
    /// device for the rep, the manager and the desk.
    struct Stage {
        let folder: URL
        let database: String
        let company: TestCompany
        let shop: OrderDesk
        let server: ServerProcess
        let rep, manager, desk: FieldCLI
        static let feedToken = "lifecycle-feed-token"

        static func start() async throws -> Stage {
            for binary in [ServerProcess.binary, FieldCLI.binary] {
                try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build it first (swift build --build-tests): \(binary.path)")
            }
            let seeded = try await CompanyDatabase("outpost-lifecycle")
            let (folder, database, store, company) = (seeded.folder, seeded.path, seeded.store, seeded.company)
            var codes: [String] = []
            let shop = try await OrderDesk.installed(on: store, company: company)
            for user in [company.repNorth, company.manager, shop.desk] { codes.append(try await store.enrolmentCode(for: user)) }
            let tokenFile = folder.appendingPathComponent("feed-token")
            try Data(feedToken.utf8).write(to: tokenFile)
            let server = try await ServerProcess.start(database: database, extraArguments: ["--feed-token-file", tokenFile.path])
            var devices: [FieldCLI] = []
            for (name, code) in zip(["rep", "manager", "desk"], codes) {
                let device = FieldCLI(replica: folder.appendingPathComponent(name))
                try await device.ok("enrol", "--server", server.serverURL, "--code", code, "--label", name)
                try await device.ok("sync")
                devices.append(device)
            }
            return Stage(folder: folder, database: database, company: company, shop: shop, server: server,
                         rep: devices[0], manager: devices[1], desk: devices[2])
        }

        func stop() {
            server.kill()
            try? FileManager.default.removeItem(at: folder)
        }

        /// The server's copy of `opportunity`.
        func serverOpportunity(_ id: OpportunityID) async throws -> Opportunity? {
            try await SQLiteStore(path: database).opportunities(of: nil).first { $0.id == id }
        }
    }

    @Test("Configured in one pass, approved, ordered offline, rejected with a reason, revised, re-ordered and accepted; the desk and the feed read the same order")
    func lifecycle() async throws {
        let stage = try await Stage.start()
        defer { stage.stop() }
        let (rep, manager, desk) = (stage.rep, stage.manager, stage.desk)
        let opportunity = try #require(stage.company.opportunities.first { $0.ownerID == stage.company.repNorth.id })
        let account = try #require(stage.company.accounts.first { $0.id == opportunity.accountID })

        // The configurator names every choice still needed at once, cheapest first.
        let configured = try await rep.ok("configure", "--product", "PC-1", "--json").object
        #expect(configured["valid"] as? Bool == true && configured["complete"] as? Bool == false)
        #expect((configured["needed"] as? [[String: Any]])?.map { $0["code"] as? String } == ["ssd-small"])
        let table = try await rep.ok("configure", "--product", "PC-1").output
        #expect(table.contains("Still to choose (1): ssd-small (Small SSD, +40.00)") && table.contains("1299.00"))

        // The rep drafts the quote offline: one --complete cheapest, 12 units (a volume tier), 20 % (over the 15 % threshold).
        let quoteID = try #require(try await rep.ok("quote", "new", "--opportunity", opportunity.id.description, "--json").object["id"] as? String)
        #expect(try await rep.run(["quote", "configure", quoteID, "--product", "PC-1", "-q", "12"]).errors.contains("ssd-small"),
                "the refusal names the choice still needed")
        let line = try await rep.ok("quote", "configure", quoteID, "--product", "PC-1", "--complete", "cheapest", "-q", "12", "--json").object
        let lineOptions = ((line["lines"] as? [[String: Any]])?.first?["options"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(lineOptions == ["Chassis", "Small SSD"])
        try await rep.ok("quote", "price", quoteID, "--discount", "20")
        #expect(try await rep.ok("quote", "submit", quoteID, "--json").object["status"] as? String == "submitted")
        #expect(try await rep.ok("quote", "show", quoteID, "--json").object["number"] as? String == "provisional")
        try await rep.ok("sync")
        #expect(try await rep.ok("quote", "show", quoteID, "--json").object["number"] as? String == "Q-000001", "the server numbered it")

        // The manager finds it awaiting approval and approves it.
        try await manager.ok("sync")
        let awaiting = try await manager.ok("quote", "list", "--awaiting-approval", "--json").array
        #expect(awaiting.map { $0["number"] as? String } == ["Q-000001"])
        try await manager.ok("quote", "approve", quoteID)
        try await manager.ok("sync")

        // The rep accepts and orders offline; the opportunity closes as won at the quote's total.
        try await rep.ok("sync")
        try await rep.ok("quote", "accept", quoteID)
        try await rep.ok("order", "place", "--quote", quoteID, "--ship-to", "Hamburg Account 1, Dock 4, 20457 Hamburg, DE",
                         "--deliver-by", "2026-12-18")
        let pending = try await rep.ok("orders", "list", "--json").array
        #expect(pending.map { $0["number"] as? String } == [nil])
        try await rep.ok("sync")
        // 1339.00 a unit; slab: 9 at list, 3 at 5 % off (1272.05): 15,867.15; 20 % off: 12,693.72.
        let won = try #require(try await stage.serverOpportunity(opportunity.id))
        #expect(won.stage == .closedWon && won.amount == Money(minorUnits: 1_269_372, currency: .eur))

        // The desk reads the whole order: customer, ship-to, SKUs, options, line totals adding up to the total.
        try await desk.ok("sync")
        let first = try await desk.ok("orders", "show", "SO-000001", "--json").object
        #expect(first["customer"] as? String == account.name)
        #expect(first["ship_to"] as? String == "Hamburg Account 1, Dock 4, 20457 Hamburg, DE")
        #expect(first["bill_to"] as? String == first["ship_to"] as? String)
        #expect(first["rep"] as? String == "Nora North" && first["opportunity"] as? String == opportunity.name)
        #expect(first["contact"] as? String == "Ana Number1" && first["quote_number"] as? String == "Q-000001")
        #expect(first["requested_delivery"] as? String == "2026-12-18" && first["currency"] as? String == "EUR")
        let lines = try #require(first["lines"] as? [[String: Any]])
        #expect(lines.map { $0["sku"] as? String } == ["PC-1"])
        #expect((lines[0]["options"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Chassis", "Small SSD"])
        #expect(lines[0]["unit_price"] as? String == "1339.00" && lines[0]["tier_discount"] as? String == "200.85")
        let cents = { (text: Any?) in Int((text as? String ?? "").replacingOccurrences(of: ".", with: "")) ?? -1 }
        let lineSum = lines.map { cents($0["total"]) }.reduce(0, +)
        #expect(lineSum == cents(first["subtotal"]))
        #expect(cents(first["subtotal"]) - cents(first["percentage_discount"]) - cents(first["amount_discount"]) == cents(first["total"]))
        #expect(first["total"] as? String == "12693.72")
        let listed = try await desk.ok("orders", "list", "--customer", "hamburg", "--since", "2026-01-01").output
        #expect(listed.contains("SO-000001") && listed.contains("Nora North") && listed.contains("12693.72 EUR"))
        #expect(try await desk.ok("orders", "list", "--search", "small ssd", "--json").array.count == 1)
        #expect(try await desk.ok("orders", "list", "--search", "no such thing", "--json").array.isEmpty)

        // A rejection needs a reason; with one, it reaches the rep and re-opens the opportunity.
        let refused = try await desk.run(["orders", "reject", "SO-000001"])
        #expect(refused.status != 0 && refused.errors.contains("--reason"))
        #expect(try await desk.ok("orders", "show", "SO-000001", "--json").object["status"] as? String == "submitted")
        try await desk.ok("orders", "reject", "SO-000001", "--reason", "Customer wants 10 % at most; please re-quote")
        try await desk.ok("sync")
        try await rep.ok("sync")
        let rejected = try await rep.ok("orders", "show", "SO-000001", "--json").object
        #expect(rejected["status"] as? String == "rejected" && rejected["desk_note"] as? String == "Customer wants 10 % at most; please re-quote")
        #expect(try await stage.serverOpportunity(opportunity.id)?.stage == .qualification, "re-opened at its previous stage")
        let again = try await rep.run(["order", "place", "--quote", quoteID])
        #expect(again.status != 0 && again.errors.contains("outpost quote revise"))

        // The rep revises (same lines), prices it within the threshold, and orders the revision.
        let revision = try await rep.ok("quote", "revise", quoteID, "--json").object
        let revisionID = try #require(revision["id"] as? String)
        #expect(revision["revision"] as? Int == 2 && (revision["lines"] as? [[String: Any]])?.count == 1)
        try await rep.ok("quote", "price", revisionID, "--discount", "10")
        #expect(try await rep.ok("quote", "submit", revisionID, "--json").object["status"] as? String == "approved")
        try await rep.ok("quote", "accept", revisionID)
        try await rep.ok("order", "place", "--quote", revisionID)
        try await rep.ok("sync")
        #expect(try await rep.ok("quote", "show", revisionID, "--json").object["number"] as? String == "Q-000001-2")

        // The desk sees the chain and accepts the replacement.
        try await desk.ok("sync")
        let second = try await desk.ok("orders", "show", "SO-000002", "--json").object
        #expect(second["replaces"] as? String == "SO-000001" && second["quote_number"] as? String == "Q-000001-2")
        #expect(try await desk.ok("orders", "show", "SO-000001", "--json").object["replaced_by"] as? String == "SO-000002")
        try await desk.ok("orders", "accept", "SO-000002")
        try await desk.ok("sync")
        try await rep.ok("sync")
        #expect(try await stage.serverOpportunity(opportunity.id)?.stage == .closedWon)

        // The feed gives fulfilment the same readable order the desk reads.
        let page = try await feed(port: stage.server.httpPort, after: 0, limit: 100, token: Stage.feedToken)
        let entries = try #require((try JSONSerialization.jsonObject(with: page.body) as? [String: Any])?["orders"] as? [[String: Any]])
        #expect(entries.map { "\($0["number"] as? String ?? "") \($0["status"] as? String ?? "")" }
                == ["SO-000001 submitted", "SO-000001 rejected", "SO-000002 submitted", "SO-000002 accepted"])
        let accepted = try #require(entries.last)
        let deskView = try await desk.ok("orders", "show", "SO-000002", "--json").object
        for key in ["customer", "ship_to", "bill_to", "contact", "rep", "opportunity", "quote_number", "subtotal", "total", "replaces", "currency"] {
            #expect(accepted[key] as? String == deskView[key] as? String, "\(key) differs between the feed and the desk")
        }
        #expect(NSDictionary(dictionary: ["lines": accepted["lines"] ?? []]) == NSDictionary(dictionary: ["lines": deskView["lines"] ?? []]))

        // `outpost-server export orders` writes the same readable order, one row per line.
        let export = try await Self.server(["export", "--db", stage.database, "orders"])
        let rows = export.split(separator: "\n").map(String.init)
        #expect(rows.first?.hasPrefix("number,status,customer,contact,ship_to,bill_to,rep,opportunity,quote_number") == true)
        let exported = try #require(rows.first { $0.hasPrefix("SO-000002,accepted,") })
        for text in ["Hamburg Account 1", "Nora North", "Q-000001-2", "PC-1", "Chassis (chassis) 0.00; Small SSD (ssd-small) 40.00",
                     deskView["total"] as? String ?? "?", "SO-000001"] {
            #expect(exported.contains(text), "the export's row holds \(text)")
        }
    }

    @Test("A manager rejects a quote with a reason the rep reads; the rep revises it or copies it to another opportunity")
    func managerRejects() async throws {
        let stage = try await Stage.start()
        defer { stage.stop() }
        let (rep, manager) = (stage.rep, stage.manager)
        let deals = stage.company.opportunities.filter { $0.ownerID == stage.company.repNorth.id }
        let quoteID = try #require(try await rep.ok("quote", "new", "--opportunity", deals[0].id.description, "--json").object["id"] as? String)
        try await rep.ok("quote", "configure", quoteID, "--product", "PC-1", "--select", "wifi", "-q", "3")
        try await rep.ok("quote", "price", quoteID, "--discount", "30")
        try await rep.ok("quote", "submit", quoteID)
        #expect(try await rep.run(["quote", "reject", quoteID, "--reason", "no"]).errors.contains("only a manager"))
        try await rep.ok("sync")
        try await manager.ok("sync")
        #expect(try await manager.run(["quote", "reject", quoteID]).status != 0, "a rejection needs --reason")
        #expect(try await manager.run(["quote", "reject", quoteID, "--reason", " "]).errors.contains("--reason"))
        try await manager.ok("quote", "reject", quoteID, "--reason", "30 % is more than we give for three units")
        #expect(try await manager.ok("quote", "list", "--awaiting-approval", "--json").array.isEmpty)
        try await manager.ok("sync")
        try await rep.ok("sync")
        let rejected = try await rep.ok("quote", "show", quoteID, "--json").object
        #expect(rejected["status"] as? String == "rejected")
        #expect(rejected["rejection_reason"] as? String == "30 % is more than we give for three units")

        let copy = try await rep.ok("quote", "copy", quoteID, "--opportunity", deals[1].id.description, "--json").object
        #expect(copy["opportunity"] as? String == deals[1].id.description && copy["status"] as? String == "draft")
        #expect(copy["revision"] as? Int == 1 && copy["total"] as? String == rejected["total"] as? String)
        let revision = try await rep.ok("quote", "revise", quoteID, "--json").object
        #expect(revision["revision"] as? Int == 2 && revision["status"] as? String == "draft")
        try await rep.ok("quote", "price", try #require(revision["id"] as? String), "--discount", "10")
        try await rep.ok("sync")
        let numbers = try await rep.ok("quote", "list", "--json").array.compactMap { $0["number"] as? String }.sorted()
        #expect(numbers == ["Q-000001", "Q-000001-2", "Q-000002"])
    }

    /// Runs the real `outpost-server` with `arguments` and returns what it printed.
    static func server(_ arguments: [String]) async throws -> String {
        try await CommandRun.server(arguments).stdout
    }

    @Test("An expired quote cannot be accepted or ordered, on the device or at the server")
    func expired() async throws {
        let stage = try await Stage.start()
        defer { stage.stop() }
        let opportunity = try #require(stage.company.opportunities.first { $0.ownerID == stage.company.repNorth.id })
        let quoteID = try #require(try await stage.rep.ok("quote", "new", "--opportunity", opportunity.id.description, "--valid-days", "0",
                                                          "--json").object["id"] as? String)
        try await stage.rep.ok("quote", "configure", quoteID, "--product", "PC-1", "--select", "ssd-small")
        try await stage.rep.ok("quote", "submit", quoteID)
        try await stage.rep.ok("quote", "accept", quoteID)
        // Ordering is refused once the validity date has passed (the device's day is injected).
        let replica = try Replica.open(stage.rep.replica, secret: LiveHub.passphrase)
        let tomorrow = CalendarDay.deviceToday.adding(days: 1)
        let before = try replica.pendingWrites().count
        #expect(throws: ReplicaError.self) { try replica.placeOrder(quote: quoteID, OrderPlacement(today: tomorrow)) }
        #expect(try replica.pendingWrites().count == before, "nothing was written")
        // An order that says it was placed after the validity date is refused by the server.
        let quote = try replica.quote(quoteID)
        var late = Order(quoteID: quote.id, quoteHash: QuoteVersion.hash(of: quote))
        late.orderedOn = tomorrow
        try replica.create(late)
        let report = try await sync(replica, endpoint: stage.server.tcpEndpoint)
        #expect(report.rejected >= 1)
        #expect(try replica.rejectedWrites().contains { $0.message.contains("was valid until") })
        #expect(try await SQLiteStore(path: stage.database).orders().isEmpty)
    }
}

/// The customer document of a quote, rendered by the real `outpost` and checked in a
/// headless Chromium (its screenshot and DOM).
@Suite("The quote document", .serialized)
struct QuoteDocumentTests {
    @Test("quote document writes standalone HTML that Chromium renders with every line, option, discount, total and validity; txt and pdf too")
    func document() async throws {
        let chromium = URL(fileURLWithPath: "/usr/bin/chromium")
        try #require(FileManager.default.isExecutableFile(atPath: chromium.path), "install chromium (scripts/install-deps.sh)")
        let stage = try await OrderLifecycleTests.Stage.start()
        defer { stage.stop() }
        let rep = stage.rep
        let opportunity = try #require(stage.company.opportunities.first { $0.ownerID == stage.company.repNorth.id })
        let quoteID = try #require(try await rep.ok("quote", "new", "--opportunity", opportunity.id.description, "--json").object["id"] as? String)
        try await rep.ok("quote", "configure", quoteID, "--product", "PC-1", "--select", "wifi", "-q", "12")
        try await rep.ok("quote", "configure", quoteID, "--product", "PC-1", "--select", "ssd-small", "-q", "2")
        try await rep.ok("quote", "price", quoteID, "--discount", "7.5", "--discount-amount", "100")
        try await rep.ok("quote", "submit", quoteID)
        try await rep.ok("sync")

        let html = stage.folder.appendingPathComponent("quote.html")
        try await rep.ok("quote", "document", quoteID, "--format", "html", "-o", html.path, "--company", "Richmond Systems & Co. KG")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="), "the page stands alone")

        let screenshot = stage.folder.appendingPathComponent("quote.png")
        let shot = try await Self.chromium(chromium, ["--screenshot=\(screenshot.path)", "--window-size=900,1300", html.absoluteString],
                                           profile: stage.folder.appendingPathComponent("profile-1"))
        #expect(shot.status == 0)
        let png = try Data(contentsOf: screenshot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "a real screenshot, not a blank page")
        // OUTPOST_QUOTE_SCREENSHOT=docs/quote-document.png keeps the screenshot (how the README's is made).
        if let keep = ProcessInfo.processInfo.environment["OUTPOST_QUOTE_SCREENSHOT"] { try png.write(to: URL(fileURLWithPath: keep)) }

        let dom = try await Self.chromium(chromium, ["--dump-dom", html.absoluteString], profile: stage.folder.appendingPathComponent("profile-2")).output
        #expect(dom.contains(#"<div id="company">Richmond Systems &amp; Co. KG</div>"#), "the company's name, escaped")
        #expect(dom.contains(#"<div id="quote-number">Q-000001</div>"#))
        #expect(dom.contains(#"<div id="customer">Hamburg Account 1<br>Hamburg, DE<br>Attn: Ana Number1</div>"#))
        #expect(dom.components(separatedBy: #"<tr class="line">"#).count - 1 == 2)
        for name in ["Chassis", "Fast SSD", "Wi-Fi", "Small SSD", "Volume discount", "Discount 7.50 %", "Special discount"] {
            #expect(dom.contains(name), "\(name) is on the document")
        }
        // 12 × 1449.00 with the slab tier: 17,170.65; 2 × 1339.00: 2,678.00; subtotal 19,848.65;
        // 7.5 %: 1,488.65; then 100.00 off: 18,260.00.
        #expect(dom.contains(#"<td id="subtotal" class="num">19848.65&nbsp;EUR</td>"#))
        #expect(dom.contains(#"<td id="total" class="num">18260.00&nbsp;EUR</td>"#))
        #expect(dom.contains(#"<dd id="valid-until">\#(CalendarDay.deviceToday.adding(days: 30))</dd>"#))
        #expect(dom.contains(#"<ol id="terms"><li>"#))

        let text = try await rep.ok("quote", "document", quoteID, "--format", "txt", "-o", "-").output
        #expect(text.contains("QUOTE Q-000001") && text.contains("TOTAL") && text.contains("18260.00 EUR"))
        let pdf = stage.folder.appendingPathComponent("quote.pdf")
        try await rep.ok("quote", "document", quoteID, "--format", "pdf", "-o", pdf.path)
        #expect(try Data(contentsOf: pdf).starts(with: Array("%PDF".utf8)))
        let refused = try await rep.run(["quote", "document", quoteID, "--format", "pdf", "-o", "-"])
        #expect(refused.status != 0 && refused.errors.contains("-o quote.pdf"))
    }

    /// Runs headless Chromium with `arguments` and its own profile folder.
    static func chromium(_ binary: URL, _ arguments: [String], profile: URL) async throws -> FieldCLI.Run {
        let run = try await CommandRun.run(binary, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                                    "--user-data-dir=\(profile.path)"] + arguments, ProcessInfo.processInfo.environment)
        return FieldCLI.Run(status: run.status, output: run.stdout, errors: run.stderr)
    }
}
