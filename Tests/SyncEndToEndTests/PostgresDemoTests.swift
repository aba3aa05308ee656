import Foundation
import OutpostDemo
import OutpostModel
import OutpostPostgres
import OutpostStore
import StoreTestSupport
import Testing

/// The demo company on PostgreSQL, served by two instances, synced by a real device.
@Suite("The demo company on PostgreSQL, two instances",
       .disabled(if: !StoreBackend.postgresIsGiven, Comment(rawValue: StoreBackend.postgresSkipMessage)))
struct PostgresDemoTests {
    @Test("demo --scale small on PostgreSQL; a device enrolled at one instance and synced at the other receives its rep's scope and a signed catalog")
    func demoSyncsThroughTwoInstances() async throws {
        try await TestPostgres.withDatabase { location in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-pg-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let database = TestPostgres.url(of: location)
            let key = folder.appendingPathComponent("server.key").path
            let admin = ["--db", database, "--key-file", key]
            try await MultiInstanceTests.server(["init"] + admin)
            try await MultiInstanceTests.server(["demo", "--scale", "small"] + admin)
            let rep = DemoCompany.featuredRep(for: .small)

            let first = try await ServerProcess.start(database: database, extraArguments: ["--key-file", key])
            defer { first.kill() }
            let second = try await ServerProcess.start(database: database, extraArguments: ["--key-file", key])
            defer { second.kill() }
            let issued = try await MultiInstanceTests.server(["device", "enrol", "--user", rep, "--server", first.serverURL, "--json"] + admin)
            let code = try #require(try JSONSerialization.jsonObject(with: Data(issued.utf8)) as? [String: Any])["code"] as? String
            let device = CLIDevice(environment: ["OUTPOST_REPLICA": folder.appendingPathComponent("device").path,
                                                 "OUTPOST_PASSPHRASE": LiveHub.passphraseText])
            try await device.succeed(["enrol", "--server", first.serverURL, "--code", try #require(code)])
            try await device.succeed(["sync", "--endpoint", second.tcpEndpoint])

            let expected = try await PostgresStore.withStore(at: location, mode: .existing) { store in
                let user = try #require(try await store.user(named: rep))
                return Set(try await store.accounts(in: Set(user.territoryIDs)).map(\.id.description))
            }
            #expect(!expected.isEmpty)
            let received = try await device.objects(["accounts", "list", "--limit", "100000"]).compactMap { $0["id"] as? String }
            #expect(Set(received) == expected, "the device holds exactly its rep's accounts")

            let configured = try #require(try await device.objects(["configure", "--product", "PC-RICHMOND"]).first)
            #expect(configured["valid"] as? Bool == true, "the catalog bundle signed on PostgreSQL verifies on the device")
        }
    }
}
