import FieldClient
import Foundation
import MergeEngine
import OutpostProtocol
import SyncChannel
import Testing

@Suite("Unauthenticated requests, against the real server", .serialized)
struct UniformRefusalTests {
    @Test("An unknown device and a request that fails authentication get the same error frame bytes; a replay only a sealed answer naming no counter in clear")
    func oneRefusalForEveryUnauthenticatedRequest() async throws {
        let real = try await RealServer.start()
        defer { real.stop() }
        let endpoint = real.server.tcpEndpoint
        let device = HostileDevice(replica: real.replica, endpoint: endpoint)

        let notEnrolled = try await sendRaw([0x01, 0x01, 0x63, 0x01] + Array(repeating: 0, count: 28), endpoint: endpoint)
        let numberZero = try await sendRaw([0x01, 0x01, 0x00, 0x01] + Array(repeating: 0, count: 28), endpoint: endpoint)
        var tampered = try device.seal([]).bytes
        tampered[tampered.count - 5] ^= 0x01
        let failedAuthentication = try await sendRaw(tampered, endpoint: endpoint)
        let (sealed, _, opener) = try device.seal([])
        let accepted = try await sendRaw(sealed, endpoint: endpoint)
        let replayed = try await sendRaw(sealed, endpoint: endpoint)
        let again = try await sendRaw(sealed, endpoint: endpoint)

        #expect(errorCode(accepted) == nil && !accepted.isEmpty)
        let uniform = [ResponseFrames.error(ProtocolError.unauthenticated)]
        #expect(notEnrolled == uniform)
        #expect(numberZero == uniform)
        #expect(failedAuthentication == uniform)
        // A replay is authentic but not new: it gets one frame sealed for the device alone,
        // under a fresh random nonce (two answers to one request never share a nonce),
        // telling the device which counter to continue from.
        #expect(isBehindAnswer(replayed) && isBehindAnswer(again) && replayed != again)
        let parsed = try SealedRequest(parsing: sealed)
        let answer = try SyncResponseFrame(decoding: try opener.open(replayed[0], index: 0),
                                           answering: SyncCursor(watermark: 0, scopeVersion: 0), hub: ReplicaID.hub)
        #expect(answer.behind?.last == parsed.counter && answer.behind?.epochStart == 0 && answer.outcome == nil && answer.records.isEmpty)
        let text = String(decoding: uniform[0].dropFirst(2), as: UTF8.self)
        #expect(!text.contains("99") && !text.contains("last accepted"))
    }
}
