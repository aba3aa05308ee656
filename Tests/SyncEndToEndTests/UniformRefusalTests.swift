import FieldClient
import Foundation
import OutpostProtocol
import SyncChannel
import Testing

@Suite("Unauthenticated requests, against the real server", .serialized)
struct UniformRefusalTests {
    @Test("An unknown device, a request that fails authentication and a replay all get the same error frame bytes")
    func oneRefusalForEveryUnauthenticatedRequest() async throws {
        let real = try await RealServer.start()
        defer { real.stop() }
        let endpoint = real.server.tcpEndpoint
        let device = HostileDevice(replica: real.replica, endpoint: endpoint)

        let notEnrolled = try await sendRaw([0x01, 0x01, 0x63, 0x01] + Array(repeating: 0, count: 20), endpoint: endpoint)
        let numberZero = try await sendRaw([0x01, 0x01, 0x00, 0x01] + Array(repeating: 0, count: 20), endpoint: endpoint)
        var tampered = try device.seal([]).bytes
        tampered[tampered.count - 5] ^= 0x01
        let failedAuthentication = try await sendRaw(tampered, endpoint: endpoint)
        let sealed = try device.seal([]).bytes
        let accepted = try await sendRaw(sealed, endpoint: endpoint)
        let replayed = try await sendRaw(sealed, endpoint: endpoint)

        #expect(errorCode(accepted) == nil && !accepted.isEmpty)
        let uniform = [ResponseFrames.error(ProtocolError.unauthenticated)]
        #expect(notEnrolled == uniform)
        #expect(numberZero == uniform)
        #expect(failedAuthentication == uniform)
        #expect(replayed == uniform)
        let text = String(decoding: uniform[0].dropFirst(2), as: UTF8.self)
        #expect(!text.contains("99") && !text.contains("last accepted"))
    }
}
