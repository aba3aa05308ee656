import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostServer
import OutpostSQLite
import SyncListener
import TestSupport
import Testing

@Suite("Per-device limits, end to end", .serialized)
struct LimitTests {
    static let city = ReplicatedKind.account.fieldID(named: "city")!

    /// A text LZMA cannot squeeze much: `count` letters from a pseudo-random sequence.
    static func noise(_ count: Int, seed: UInt64) -> String {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed
        return String((0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Character(UnicodeScalar(UInt8(97 + (state >> 33) % 26)))
        })
    }

    /// Expects `replica`'s sync over `endpoint` to be refused with a message containing `reason`.
    func expectRefused(_ replica: Replica, endpoint: String? = nil, _ reason: String) async {
        let error = await #expect(throws: ReplicaError.self) { try await sync(replica, endpoint: endpoint, retries: 0) }
        #expect(error?.code == .refused && error?.message.contains(reason) == true, "\(String(describing: error))")
    }

    @Test("A TCP request announcing more than the limit is refused from its length prefix, before its body arrives")
    func oversizedPrefix() async throws {
        try await LiveHub.with(limits: SyncLimits(maxRequestBytes: 1000, burst: 100)) { hub in
            // Announces 1 GiB and sends three bytes of it: the answer comes anyway.
            let answer = try await sendAndWaitForClose(to: hub.listener.port, [0x80, 0x80, 0x80, 0x80, 0x04, 1, 1, 1])
            #expect(answer.count > 3 && answer[1] == 0x0F && answer[2] == ProtocolError.Code.oversized.rawValue)
            #expect(String(decoding: answer.dropFirst(3), as: UTF8.self).contains("1073741824 bytes is over this server's limit of 1000 bytes"))
        }
    }

    @Test("An oversized request is refused over TCP and HTTP with a clear error; nothing is applied and the write stays pending")
    func oversizedRequest() async throws {
        try await LiveHub.with(limits: SyncLimits(maxRequestBytes: 200, burst: 100)) { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            for (index, account) in hub.company.accounts(in: hub.company.north).enumerated() {
                try replica.update(RecordID(account.id), fields: [Self.city: .string(Self.noise(80, seed: UInt64(index)))])
            }
            for endpoint in [hub.tcpEndpoint, hub.httpEndpoint] {
                await expectRefused(replica, endpoint: endpoint, "over this server's limit of 200 bytes")
            }
            #expect(try replica.pendingWrites().count == 3)
            #expect(try await hub.store.accounts(in: nil).allSatisfy { $0.city?.count ?? 0 < 80 })
        }
    }

    @Test("A request with more writes than the limit is refused whole")
    func tooManyWrites() async throws {
        try await LiveHub.with(limits: SyncLimits(maxWritesPerRequest: 3, burst: 100)) { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            for (index, account) in hub.company.accounts(in: hub.company.north).enumerated() {
                try replica.update(RecordID(account.id), fields: [Self.city: .string("Batch \(index)")])
            }
            try replica.update(RecordID(hub.company.accounts(in: hub.company.north)[0].id), fields: [Self.city: .string("Batch 3")])
            await expectRefused(replica, "carries 4 writes; this server takes at most 3 per request")
            #expect(try replica.pendingWrites().count == 4)
            #expect(try await hub.store.accounts(in: nil).allSatisfy { !($0.city ?? "").hasPrefix("Batch") })
        }
    }

    @Test("A device with more pending writes than one request carries sends its oldest first and syncs again until none remain")
    func pendingBeyondOneRequest() async throws {
        try await LiveHub.with(limits: SyncLimits(maxWritesPerRequest: 4, burst: 100)) { hub in
            let replica = try await hub.bootstrapped(hub.company.repNorth)
            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            let total = 9
            for index in 1...total { try replica.update(account, fields: [Self.city: .string("Visit \(index)")]) }
            let report = try await sync(replica, writesPerRequest: 4)
            #expect(report.exchanges == 3)
            #expect(report.accepted == total && report.rejected == 0)
            #expect(try replica.pendingWrites().isEmpty)
            #expect(try await hub.store.accounts(in: nil).contains { $0.city == "Visit \(total)" })
        }
    }

    @Test("A device over its request rate is refused rateLimited, replays cost it nothing; its writes wait, other devices sync")
    func rateLimited() async throws {
        try await LiveHub.with(limits: SyncLimits(burst: 3, requestsPerSecond: 0.0001)) { hub in
            let replica = try await hub.enrol(hub.company.repNorth)
            let other = try await hub.enrol(hub.company.repSouth)
            let hostile = HostileDevice(replica: replica, hub: hub)
            _ = try await sync(replica)
            // A captured request replayed again and again costs the device nothing.
            let captured = try hostile.seal([]).bytes
            #expect(errorCode(try await sendRaw(captured, to: hub)) == nil)
            for _ in 0..<5 { #expect(isBehindAnswer(try await sendRaw(captured, to: hub))) }
            _ = try await sync(replica)
            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            try replica.update(account, fields: [Self.city: .string("Too soon")])

            guard case .failure(let error) = try await hostile.push(try replica.pendingWrites()) else {
                Issue.record("a fourth request within the burst was answered")
                return
            }
            #expect(error.code == .rateLimited && error.message.contains("sync again in"))
            await expectRefused(replica, "sent more than 3 sync requests in a row")
            #expect(try replica.pendingWrites().count == 1)
            #expect(try await hub.store.accounts(in: nil).contains { $0.city == "Too soon" } == false)
            #expect(try await sync(other).frames >= 1)
        }
    }
}
