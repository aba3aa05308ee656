import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SyncListener
import TestSupport
import Testing

@Suite("Enrolment and bootstrap, end to end", .serialized)
struct BootstrapTests {
    @Test("A rep's device enrols with a one-time code and bootstraps exactly its territory plus global data")
    func enrolAndBootstrap() async throws {
        try await LiveHub.with { hub, company in
            let code = try await hub.code(for: company.repNorth)
            let folder = hub.folder.appendingPathComponent("north")
            let url = hub.serverURL
            let replica = try await blockingEnrol(folder: folder, url: url, code: code)
            let identity = try replica.identity()
            #expect(identity.userName == "rep.north" && identity.territories == ["North"])
            #expect(identity.syncEndpoint == hub.tcpEndpoint)

            // The same code cannot enrol a second device.
            await #expect(throws: ReplicaError.self) {
                try await blockingEnrol(folder: hub.folder.appendingPathComponent("again"), url: url, code: code)
            }

            let report = try await sync(replica)
            let counts = try replica.counts()
            #expect(counts[.account] == 3 && counts[.contact] == 6 && counts[.opportunity] == 3)
            #expect(counts[.territory] == 3 && counts[.user] == 3 && counts[.product] == 1)
            #expect(report.received == counts.values.reduce(0, +))
            let names = Set(try replica.records(of: .account).map { try #require(try $0.decoded() as? Account).name })
            #expect(names == Set(company.accounts(in: company.north).map(\.name)))

            // A second sync has nothing to send either way.
            let second = try await sync(replica)
            #expect(second.received == 0 && second.sent == 0)
        }
    }

    @Test("A manager's device holds the whole subtree")
    func managerScope() async throws {
        try await LiveHub.with { hub in
            let replica = try await hub.bootstrapped(hub.company.manager)
            #expect(try replica.counts()[.account] == 6)
        }
    }

    @Test("A bootstrap too long to answer whole streams over HTTP, frame by frame, into the same replica as over TCP")
    func streamedOverHTTP() async throws {
        try await LiveHub.with(batchSize: 50) { hub in
            var batch = RecordBatch()
            batch.accounts = (0..<800).map { _ in Account(territoryID: hub.company.north.id, name: "Streamed \(UUID().uuidString)") }
            try await hub.store.insert(batch)
            let overHTTP = try await hub.enrol(hub.company.repNorth, name: "http")
            let overTCP = try await hub.enrol(hub.company.repNorth, name: "tcp")

            let http = try await sync(overHTTP, endpoint: hub.httpEndpoint)
            let tcp = try await sync(overTCP)
            #expect(http.bytesDown > 16 << 10, "the answer should be long enough to be streamed (\(http.bytesDown) bytes)")
            #expect(http.frames == tcp.frames && http.frames >= 8)
            #expect(http.received == tcp.received && http.received > 800)
            for kind in [ReplicatedKind.account, .contact, .opportunity, .territory] {
                #expect(Set(try overHTTP.records(of: kind).map(\.state)) == Set(try overTCP.records(of: kind).map(\.state)))
            }
        }
    }

    func blockingEnrol(folder: URL, url: String, code: String) async throws -> Replica {
        try await TestSupportBlocking.run { () throws(ReplicaError) in
            try Enrolment.enrol(folder: folder, serverURL: url, code: code, label: "test", secret: LiveHub.passphrase).replica
        }
    }
}
