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

@Suite("Dropped links, end to end", .serialized)
struct LinkFailureTests {
    @Test("A bootstrap cut at random byte offsets resumes and re-sends at most one batch")
    func resumeAfterCut() async throws {
        let batchSize = 4
        try await LiveHub.with(batchSize: batchSize) { hub in
            let proxy = try await CuttingProxy.start(upstreamPort: hub.listener.port)
            defer { Task { await proxy.shutdown() } }
            let endpoint = "tcp://127.0.0.1:\(proxy.port)"

            let clean = try await hub.enrol(hub.company.manager, name: "clean")
            let cleanReport = try await sync(clean, endpoint: endpoint)
            let cleanRecords = try clean.records(of: .account).map(\.state) + clean.records(of: .contact).map(\.state)
            #expect(cleanReport.frames > 5)

            var random = SystemRandomNumberGenerator()
            for attempt in 1...6 {
                let offset = Int.random(in: 1..<cleanReport.bytesDown, using: &random)
                let device = try await hub.enrol(hub.company.manager, name: "cut\(offset)")
                proxy.cut(.downstream, after: offset)
                let report = try await sync(device, endpoint: endpoint)
                #expect(report.exchanges == 2, "cut at byte \(offset)")
                // Each device enrolled since the clean one adds its own `device` record (its name) to every bootstrap.
                #expect(report.received <= cleanReport.received + attempt + batchSize, "cut at byte \(offset) re-sent more than one batch")
                let records = try device.records(of: .account).map(\.state) + device.records(of: .contact).map(\.state)
                #expect(Set(records) == Set(cleanRecords))
            }
        }
    }

    @Test("A push retried after its response was lost creates nothing twice")
    func retriedPush() async throws {
        try await LiveHub.with { hub in
            let proxy = try await CuttingProxy.start(upstreamPort: hub.listener.port)
            defer { Task { await proxy.shutdown() } }
            let endpoint = "tcp://127.0.0.1:\(proxy.port)"
            let rep = try await hub.enrol(hub.company.repNorth)
            _ = try await sync(rep, endpoint: endpoint)

            let account = hub.company.accounts(in: hub.company.north)[0]
            let contact = Contact(accountID: account.id, firstName: "Once", lastName: "Only")
            try rep.create(contact)
            proxy.cut(.downstream, after: 1)
            let report = try await sync(rep, endpoint: endpoint)
            #expect(report.exchanges == 2 && report.accepted == 1)
            #expect(try await hub.store.contacts(of: [account.id]).filter { $0.lastName == "Only" }.count == 1)
            #expect(try rep.pendingWrites().isEmpty)
            #expect(try rep.record(RecordID(contact.id))?.pending.isEmpty == true)
        }
    }
}
