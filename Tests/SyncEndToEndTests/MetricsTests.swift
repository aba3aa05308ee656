import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import Testing

@Suite("GET /metrics and /readyz of the real server", .serialized)
struct MetricsTests {
    @Test("The sync, write, byte, rate-limit and store figures move as devices sync", .timeLimit(.minutes(5)))
    func countersMove() async throws {
        let hub = try await ProcessHub.start(serveArguments: ["--sync-burst", "8", "--sync-rate", "0.001"])
        defer { hub.stop() }
        let port = hub.server.httpPort
        #expect(try await httpExchange(port: port, method: "GET", path: "/readyz") == (200, #"{"status":"ready"}"#))
        let before = try await Self.scrape(port)
        #expect(before["outpost_change_sequence"].map { $0 > 0 } == true)
        #expect(before["outpost_database_bytes"].map { $0 > 0 } == true)

        let rep = try await hub.device(hub.company.repNorth)  // bootstrap over TCP
        let quote = try hub.shop.acceptedQuote(on: hub.company.opportunities[0], options: [hub.shop.catalog.chassis, hub.shop.catalog.fast],
                                               quantity: 1, pricedOn: rep)
        try rep.create(quote)
        let order = try OrderDesk.place(quote, on: rep)
        let bootstrapped = try await Self.scrape(port)
        _ = try await sync(rep, endpoint: hub.server.httpEndpoint)  // two writes accepted, over HTTP
        let pushed = try await Self.scrape(port)
        let httpOK = #"outpost_syncs_total{transport="http",outcome="ok"}"#
        #expect(pushed[httpOK, default: 0] - bootstrapped[httpOK, default: 0] == 1)
        #expect(bootstrapped["outpost_writes_accepted_total", default: 0] == 0 && pushed["outpost_writes_accepted_total"] == 2)
        try rep.update(RecordID(order.id), fields: [Order.kind.fieldID(named: "status")!: .string("fulfilled")])
        _ = try await sync(rep, endpoint: hub.server.tcpEndpoint)  // refused: only the desk moves orders
        let during = try await Self.scrape(port)
        let tcpOK = #"outpost_syncs_total{transport="tcp",outcome="ok"}"#
        #expect(during[tcpOK, default: 0] - pushed[tcpOK, default: 0] == 1)
        #expect(during["outpost_writes_accepted_total"] == 2)
        #expect(during[#"outpost_writes_refused_total{reason="readOnly"}"#] == 1)
        #expect(during["outpost_records_sent_total"].map { $0 >= Double(hub.company.accounts.count) } == true)
        #expect(during[#"outpost_sync_bytes_received_total{transport="tcp"}"#].map { $0 > 0 } == true)
        #expect(during[#"outpost_sync_bytes_sent_total{transport="http"}"#].map { $0 > 0 } == true)
        #expect(during[#"outpost_sync_duration_seconds_count{transport="tcp"}"#] == during[tcpOK])
        #expect(during[#"outpost_active_connections{transport="tcp"}"#] == 0)
        #expect(during["outpost_change_sequence"]! > before["outpost_change_sequence"]!)

        // Past its burst the device is turned away, and that is counted.
        var limited = 0
        for _ in 0..<8 {
            do { _ = try await sync(rep, endpoint: hub.server.tcpEndpoint, retries: 0) } catch { limited += 1 }
        }
        let after = try await Self.scrape(port)
        #expect(limited > 0)
        #expect(after[#"outpost_rate_limited_requests_total{transport="tcp"}"#] == Double(limited))
        #expect(after[#"outpost_syncs_total{transport="tcp",outcome="rateLimited"}"#] == Double(limited))
    }

    /// `GET /metrics` as series name (with labels) → value.
    static func scrape(_ port: Int) async throws -> [String: Double] {
        let page = try await httpExchange(port: port, method: "GET", path: "/metrics")
        #expect(page.status == 200)
        var values: [String: Double] = [:]
        for line in page.body.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            values[String(line[..<space])] = value
        }
        return values
    }
}
