import Foundation
import StoreTestSupport
import Testing

/// The admin's catalog, price book and quota commands on the real `outpost-server`, and
/// a rep's real `outpost` configuring and pricing the result offline after one sync.
@Suite("Catalog administration on the real binaries", .serialized)
struct CatalogAdminTests {
    let folder: ScratchFolder
    var db: String { folder.path("hq.sqlite") }

    init() throws { folder = try ScratchFolder("outpost-catalog") }

    func admin(_ arguments: [String]) async throws -> String {
        let run = try await ToolRun.run("outpost-server", arguments + ["--db", db])
        try #require(run.status == 0, "outpost-server \(arguments.joined(separator: " ")): \(run.errors)")
        return run.output
    }

    @Test("a product with priced options, a price book and a quota reach a rep's device, which configures and prices offline")
    func adminToDevice() async throws {
        _ = try await admin(["init"])
        _ = try await admin(["territory", "add", "Bavaria"])
        _ = try await admin(["user", "add", "rep.bavaria", "--role", "rep", "--territory", "Bavaria"])
        _ = try await admin(["catalog", "product", "add", "DOCK-TB4", "--name", "Thunderbolt Dock", "--price", "249"])
        _ = try await admin(["catalog", "option", "add", "DOCK-TB4", "psu-180w", "--name", "180 W power supply"])
        _ = try await admin(["catalog", "option", "price", "DOCK-TB4", "psu-180w", "39.50"])
        _ = try await admin(["catalog", "price-book", "add", "Partner EUR", "--currency", "EUR", "--threshold", "10"])
        _ = try await admin(["catalog", "price-book", "set", "Partner EUR", "DOCK-TB4", "229"])
        _ = try await admin(["catalog", "price-book", "tiers", "Partner EUR", "DOCK-TB4", "--kind", "range", "--tier", "1:0", "--tier", "10:5"])
        _ = try await admin(["quota", "set", "rep.bavaria", "--period", "2026Q4", "--amount", "150000", "--currency", "EUR"])

        let entries = try await admin(["catalog", "price-book", "entries", "Partner EUR"])
        #expect(entries.contains("229.00 EUR") && entries.contains("range 1:0 10:5"))
        let quotas = try await admin(["quota", "list", "--json"])
        #expect(quotas.contains("\"amount\" : \"150000.00\"") && quotas.contains("\"user\" : \"rep.bavaria\""))
        let sheet = try await admin(["catalog", "export"])
        #expect(sheet.contains("DOCK-TB4,psu-180w,180 W power supply,39.50,EUR,"))
        #expect(sheet.contains("DOCK-TB4,,,229.00,EUR,Partner EUR"))

        let server = try await ServerProcess.start(database: db)
        defer { server.kill() }
        let enrolment = try await admin(["device", "enrol", "--user", "rep.bavaria", "--server", server.serverURL, "--json"])
        let code = try #require(try JSONSerialization.jsonObject(with: Data(enrolment.utf8)) as? [String: Any])["code"] as? String
        let device = folder.path("device")
        let environment = ["OUTPOST_REPLICA": device, "OUTPOST_PASSPHRASE": LiveHub.passphraseText]
        let enrol = try await ToolRun.run("outpost", ["enrol", "--server", server.serverURL, "--code", try #require(code)],
                                          environment: environment)
        try #require(enrol.status == 0, "\(enrol.errors)")
        let synced = try await ToolRun.run("outpost", ["sync"], environment: environment)
        try #require(synced.status == 0, "\(synced.errors)")

        let configured = try await ToolRun.run("outpost", ["configure", "--product", "DOCK-TB4", "--select", "psu-180w",
                                                           "--price-book", "Partner EUR", "--json"], environment: environment)
        #expect(configured.status == 0, "\(configured.errors)")
        let outcome = try #require(try JSONSerialization.jsonObject(with: Data(configured.output.utf8)) as? [String: Any])
        let price = try #require(outcome["price"] as? [String: Any])
        #expect(price["amount"] as? String == "268.50", "229.00 from the book plus 39.50 for the option")

        // An admin's change re-signs the bundle: the device prices the new figure after one more sync.
        _ = try await admin(["catalog", "option", "price", "DOCK-TB4", "psu-180w", "45"])
        _ = try await ToolRun.run("outpost", ["sync"], environment: environment)
        let repriced = try await ToolRun.run("outpost", ["configure", "--product", "DOCK-TB4", "--select", "psu-180w",
                                                         "--price-book", "Partner EUR", "--json"], environment: environment)
        #expect(repriced.output.contains("\"274.00\""), "\(repriced.output)")
    }

    @Test("serve on a taken port names it and exits non-zero")
    func takenPort() async throws {
        _ = try await admin(["init"])
        let server = try await ServerProcess.start(database: db)
        defer { server.kill() }
        let second = try await ToolRun.run("outpost-server", ["serve", "--db", db, "--host", "127.0.0.1",
                                                              "--port", String(server.httpPort), "--sync-port", "0"])
        #expect(second.status != 0)
        #expect(second.errors.contains("port \(server.httpPort) is already in use; pick another with --port"), "\(second.errors)")
        let sync = try await ToolRun.run("outpost-server", ["serve", "--db", db, "--host", "127.0.0.1",
                                                            "--port", "0", "--sync-port", String(server.syncPort)])
        #expect(sync.errors.contains("port \(server.syncPort) is already in use; pick another with --sync-port"), "\(sync.errors)")
    }
}
