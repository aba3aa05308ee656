import FieldClient
import MergeEngine
import Foundation
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import SyncChannel
import Testing

/// The real server authenticates, checks replay, revocation and rate before it
/// inflates a request, counted by `outpost_sync_requests_inflated_total`.
@Suite("Checks before work, against the real server", .serialized)
struct WorkBeforeChecksTests {
    /// A sealed request from `device` whose one write has a subject of `length` repeated
    /// letters: a few hundred bytes on the wire that inflate to `length`.
    static func bomb(_ device: HostileDevice, _ company: TestCompany, length: Int) throws -> [UInt8] {
        let account = company.accounts(in: company.north)[0]
        let call = Activity(kind: .call, subject: String(repeating: "x", count: length),
                            day: try CalendarDay(year: 2026, month: 11, day: 2), accountID: account.id, ownerID: company.repNorth.id)
        let sealed = try device.seal([try device.write(1, RecordID(call.id), .create(type: ReplicatedKind.activity.typeID, fields: call.fields))]).bytes
        #expect(sealed[1] & 0x80 != 0 && sealed.count < 2_000, "the request is not a small compressed one: \(sealed.count) bytes")
        return sealed
    }

    static func inflated(_ real: RealServer) async throws -> Double {
        try await MetricsTests.scrape(real.server.httpPort)["outpost_sync_requests_inflated_total"] ?? 0
    }

    @Test("A compressed request replayed 20 times is inflated once: replays are refused before decompression")
    func replaysAreNotInflated() async throws {
        let real = try await RealServer.start()
        defer { real.stop() }
        let device = HostileDevice(replica: real.replica, endpoint: real.server.tcpEndpoint)
        let sealed = try Self.bomb(device, real.company, length: 1 << 20)
        #expect(errorCode(try await sendRaw(sealed, endpoint: device.endpoint)) == nil)
        for _ in 0..<20 {
            #expect(isBehindAnswer(try await sendRaw(sealed, endpoint: device.endpoint)))
        }
        #expect(try await Self.inflated(real) == 1)
    }

    @Test("A revoked device is told to wipe without its request being inflated, and is rate-limited like any device")
    func revokedDeviceIsCheapAndRateLimited() async throws {
        let real = try await RealServer.start(extraArguments: ["--sync-burst", "3", "--sync-rate", "0.001"])
        defer { real.stop() }
        let deviceID = try #require(try await SQLiteStore(path: real.database).devices().first?.id.description)
        let revoked = try await CommandRun.server(["device", "revoke", "--db", real.database, deviceID])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        let device = HostileDevice(replica: real.replica, endpoint: real.server.tcpEndpoint)

        // Enrolment's first sync took one of the 3 requests of the burst.
        var answers: [[[UInt8]]] = []
        for _ in 0..<4 { answers.append(try await sendRaw(try Self.bomb(device, real.company, length: 1 << 20), endpoint: device.endpoint)) }
        #expect(answers.prefix(2).allSatisfy { errorCode($0) == nil && $0.count == 1 })
        #expect(answers.suffix(2).allSatisfy { errorCode($0) == .rateLimited })
        #expect(try await Self.inflated(real) == 0)
    }
}
