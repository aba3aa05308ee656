import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import OutpostDemo
import OutpostModel
import OutpostPostgres
import OutpostStore
import StoreTestSupport
import Testing

/// The demo company on PostgreSQL, served by two instances, synced by a real device.
@Suite("The demo company on PostgreSQL, two instances", .needsPostgres)
struct PostgresDemoTests {
    @Test("demo --scale small on PostgreSQL; a device enrolled at one instance and synced at the other receives its rep's scope and a signed catalog; an order pushed through one instance reaches the feed waiting at the other")
    func demoSyncsThroughTwoInstances() async throws {
        try await PostgresServerSetup.with(folder: "outpost-pg-demo") { setup in
            try await PostgresServerSetup.server(["demo", "--scale", "small"] + setup.admin)
            let rep = DemoCompany.featuredRep(for: .small)

            let token = setup.folder.path("feed.token")
            try "feed-secret\n".write(toFile: token, atomically: true, encoding: .utf8)
            let serve = ["--key-file", setup.key, "--feed-token-file", token]
            let first = try await ServerProcess.start(database: setup.database, extraArguments: serve)
            defer { first.kill() }
            let second = try await ServerProcess.start(database: setup.database, extraArguments: serve)
            defer { second.kill() }
            let issued = try await PostgresServerSetup.server(["device", "enrol", "--user", rep, "--server", first.serverURL, "--json"] + setup.admin)
            let code = try #require(try JSONSerialization.jsonObject(with: Data(issued.utf8)) as? [String: Any])["code"] as? String
            let device = CLIDevice(environment: ["OUTPOST_REPLICA": setup.folder.path("device"),
                                                 "OUTPOST_PASSPHRASE": LiveHub.passphraseText])
            try await device.succeed(["enrol", "--server", first.serverURL, "--code", try #require(code)])
            try await device.succeed(["sync", "--endpoint", second.tcpEndpoint])

            let expected = try await PostgresStore.withStore(at: setup.location, mode: .existing) { store in
                let user = try #require(try await store.user(named: rep))
                return Set(try await store.accounts(in: Set(user.territoryIDs)).map(\.id.description))
            }
            #expect(!expected.isEmpty)
            let received = try await device.objects(["accounts", "list", "--limit", "100000"]).compactMap { $0["id"] as? String }
            #expect(Set(received) == expected, "the device holds exactly its rep's accounts")

            let configured = try #require(try await device.objects(["configure", "--product", "PC-RICHMOND"]).first)
            #expect(configured["valid"] as? Bool == true, "the catalog bundle signed on PostgreSQL verifies on the device")

            // The order desk waits on instance 2's feed; the rep's order goes in through instance 1.
            #expect(try await Self.feed(second, wait: 0).numbers.isEmpty)
            #expect(try await APITokenTests.status(second, "/orders/feed?wait=61", token: "feed-secret") == 400)
            #expect(try await APITokenTests.status(second, "/orders/feed", token: nil) == 401)
            let opportunity = try #require(try await device.objects(["opps", "list", "--limit", "1"]).first?["id"] as? String)
            let quote = try #require(try await device.objects(["quote", "new", "--opportunity", opportunity]).first?["id"] as? String)
            try await device.succeed(["quote", "configure", quote, "--product", "PC-RICHMOND", "--complete", "cheapest"])
            try await device.succeed(["quote", "submit", quote])
            try await device.succeed(["quote", "accept", quote])
            try await device.succeed(["order", "place", "--quote", quote, "--ship-to", "Dock 4, 20457 Hamburg, DE"])
            // The feed waits from just before the sync, so slow device commands on a loaded
            // machine do not eat into its deadline.
            let waiting = Task { try await Self.feed(second, wait: 60) }
            try await device.succeed(["sync", "--endpoint", first.tcpEndpoint])
            let page = try await waiting.value
            #expect(page.numbers == ["SO-000001"], "the waiting feed answered with the order")
            #expect(page.elapsed < .seconds(60), "the order woke the feed before its deadline")
        }
    }

    /// `GET /orders/feed?after=0&wait=…` at `server` with the feed token: the orders' numbers, and how long the answer took.
    static func feed(_ server: ServerProcess, wait: Int) async throws -> (numbers: [String], elapsed: Duration) {
        var request = URLRequest(url: try #require(URL(string: "\(server.serverURL)/orders/feed?after=0&wait=\(wait)")))
        request.setValue("Bearer feed-secret", forHTTPHeaderField: "Authorization")
        request.timeoutInterval = 120
        let started = ContinuousClock.now
        let (body, response) = try await URLSession.shared.data(for: request)
        #expect((response as? HTTPURLResponse)?.statusCode == 200, "\(String(decoding: body, as: UTF8.self))")
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        let orders = object["orders"] as? [[String: Any]] ?? []
        return (orders.compactMap { $0["number"] as? String }, ContinuousClock.now - started)
    }
}
