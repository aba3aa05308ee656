import FieldClient
import Foundation
import OutpostModel
import TestSupport
import StoreTestSupport
import Testing

@Suite("Order webhooks from the transactional outbox, end to end", .serialized)
struct WebhookDeliveryTests {
    static let secret = "whsec_e2e-0123456789abcdef"

    @Test("Each order event reaches the receiver signed, in order, exactly once answered 2xx, through two 500s and a server restart",
          .timeLimit(.minutes(3)))
    func deliveredOnceInOrder() async throws {
        let receiver = try await WebhookReceiver.start(script: [500, 500])
        defer { Task { await receiver.stop() } }
        let hub = try await ProcessHub.start(serveArguments: ["--webhook-first-retry", "1", "--webhook-max-retry", "2",
                                                              "--webhook-poll", "0.1"]) { database, _ in
            let secretFile = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("hook.secret")
            try Self.secret.write(to: secretFile, atomically: true, encoding: .utf8)
            let added = try await runServerCommand(["webhook", "add", "--db", database, "--url", receiver.url, "--secret-file", secretFile.path])
            #expect(added.status == 0 && added.output.hasPrefix("Webhook 1: \(receiver.url)"), "\(added)")
        }
        defer { hub.stop() }
        let rep = try await hub.device(hub.company.repNorth)
        let desk = try await hub.device(hub.shop.desk)

        // The rep's order: its `submitted` event's first attempt is answered 500.
        let quote = try hub.shop.acceptedQuote(on: hub.company.opportunities[0], options: [hub.shop.catalog.chassis, hub.shop.catalog.fast],
                                               quantity: 2, pricedOn: rep)
        try rep.create(quote)
        try OrderDesk.place(quote, on: rep)
        #expect(try await hub.sync(rep).accepted == 2)
        _ = await receiver.wait { $0.count >= 1 }

        // The server dies before the retry; the outbox is in the database, so the new one carries on.
        try await hub.restart()
        try await hub.sync(desk)
        try desk.move(try desk.order(named: "SO-000001"), to: .accepted, note: "week 50")
        try await hub.sync(desk)
        try desk.move(try desk.order(named: "SO-000001"), to: .fulfilled)
        try await hub.sync(desk)

        let all = await receiver.wait { received in Set(received.filter { $0.answered == 200 }.map(\.eventID)).count >= 3 }
        #expect(all.map(\.answered) == [500, 500, 200, 200, 200])
        #expect(all.map(\.event) == ["order.submitted", "order.submitted", "order.submitted", "order.accepted", "order.fulfilled"])
        // A kill that lands after the receiver answered but before the server recorded the
        // attempt makes the restarted server send attempt 1 again: at least once, never lost.
        let firstEvent = all.prefix(3).map(\.attempt)
        #expect(firstEvent == ["1", "2", "3"] || firstEvent == ["1", "1", "2"])
        #expect(all.suffix(2).map(\.attempt) == ["1", "1"])
        let ids = all.map(\.eventID)
        #expect(ids[0] == ids[1] && ids[1] == ids[2] && Set(ids).count == 3, "one idempotency key per event, the same on retries")
        #expect(all[0].body == all[2].body, "a retry sends the same bytes")
        let first = try JSONSerialization.jsonObject(with: Data(all[2].body)) as? [String: Any]
        let order = first?["order"] as? [String: Any]
        #expect(first?["id"] as? String == ids[0] && order?["number"] as? String == "SO-000001" && order?["total"] as? String == "2838.00")
        #expect((order?["lines"] as? [Any])?.count == 1)

        // Every delivery verifies with the documented recipe; a changed body does not.
        for delivery in all {
            #expect(try await Self.recipeAccepts(signature: delivery.signature, body: delivery.body, secret: Self.secret))
        }
        var tampered = all[3].body
        tampered[tampered.count / 2] ^= 0x01
        #expect(try await !Self.recipeAccepts(signature: all[3].signature, body: tampered, secret: Self.secret))
        #expect(try await !Self.recipeAccepts(signature: all[3].signature, body: all[3].body, secret: Self.secret + "x"))

        // No event is sent again after its 2xx, and the admin sees the history.
        let later = await receiver.received()
        #expect(later.count == 5)
        let shown = try await runServerCommand(["webhook", "deliveries", "--db", hub.database, "--json"])
        let deliveries = try JSONSerialization.jsonObject(with: Data(shown.output.utf8)) as? [[String: Any]] ?? []
        #expect(deliveries.map { $0["state"] as? String } == ["delivered", "delivered", "delivered"])
        #expect(deliveries.map { $0["attempts"] as? Int } == [1, 1, Int(firstEvent[2])])
        let failed = try await runServerCommand(["webhook", "deliveries", "--db", hub.database, "--failed"])
        #expect(failed.status == 0 && failed.output.contains("No failed deliveries."))

        // The restarted server counted its own attempts: the second 500 and three deliveries.
        let metrics = try await MetricsTests.scrape(hub.server.httpPort)
        #expect(metrics[#"outpost_webhook_deliveries_total{outcome="delivered"}"#] == 3)
        #expect(metrics[#"outpost_webhook_deliveries_total{outcome="retry"}"#] == 1)
        #expect(metrics["outpost_webhook_failures_total"] == 1)
        #expect(metrics[#"outpost_syncs_total{transport="tcp",outcome="ok"}"#].map { $0 >= 3 } == true, "the desk's three syncs")
    }

    @Test("webhook add refuses a bad URL or event, and test reports the receiver's answer")
    func commands() async throws {
        let receiver = try await WebhookReceiver.start(script: [503])
        defer { Task { await receiver.stop() } }
        let hub = try await ProcessHub.start()
        defer { hub.stop() }
        let badURL = try await runServerCommand(["webhook", "add", "--db", hub.database, "--url", "ftp://x"])
        #expect(badURL.status != 0 && badURL.errors.contains("--url must be an http:// or https:// URL"))
        let badEvent = try await runServerCommand(["webhook", "add", "--db", hub.database, "--url", receiver.url, "--events", "order.lost"])
        #expect(badEvent.status != 0 && badEvent.errors.contains("--events takes"))
        #expect(try await runServerCommand(["webhook", "list", "--db", hub.database]).output.contains("No webhooks."))

        let added = try await runServerCommand(["webhook", "add", "--db", hub.database, "--url", receiver.url, "--json"])
        let secret = try #require((try JSONSerialization.jsonObject(with: Data(added.output.utf8)) as? [String: Any])?["secret"] as? String)
        #expect(secret.hasPrefix("whsec_") && secret.count == 70)
        let refused = try await runServerCommand(["webhook", "test", "--db", hub.database, "1"])
        #expect(refused.status != 0 && refused.output.contains("the receiver answered 503"))
        let accepted = try await runServerCommand(["webhook", "test", "--db", hub.database, "1"])
        #expect(accepted.status == 0 && accepted.output.contains("answered 200"))
        let tests = await receiver.received()
        #expect(tests.map(\.event) == ["webhook.test", "webhook.test"])
        #expect(try await Self.recipeAccepts(signature: tests[1].signature, body: tests[1].body, secret: secret))
        #expect(try await runServerCommand(["webhook", "remove", "--db", hub.database, "1"]).status == 0)
        let gone = try await runServerCommand(["webhook", "remove", "--db", hub.database, "1"])
        #expect(gone.status != 0 && gone.errors.contains("no webhook has id 1"))
    }

    /// Runs the receiver's check from README.md (Order webhooks) with `sh` and openssl.
    static func recipeAccepts(signature: String, body: [UInt8], secret: String) async throws -> Bool {
        let folder = try ScratchFolder("outpost-recipe")
        defer { folder.remove() }
        let bodyFile = folder.url.appendingPathComponent("body.json")
        try Data(body).write(to: bodyFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", Self.recipe, "recipe", signature, bodyFile.path]
        process.environment = ["PATH": "/usr/bin:/bin", "WEBHOOK_SECRET": secret]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return try await blocking {
            process.waitUntilExit()
            return process.terminationStatus == 0
        }
    }

    /// The shell recipe README.md documents (`$1`: the header's value, `$2`: the body file).
    static let recipe = """
        t=$(printf '%s' "$1" | sed -n 's/^t=\\([0-9]*\\),v1=.*$/\\1/p')
        v1=$(printf '%s' "$1" | sed -n 's/^t=[0-9]*,v1=\\([0-9a-f]*\\)$/\\1/p')
        expected=$( (printf '%s.' "$t"; cat "$2") | openssl dgst -sha256 -hmac "$WEBHOOK_SECRET" | sed 's/^.*= //')
        [ -n "$v1" ] && [ "$expected" = "$v1" ]
        """
}
