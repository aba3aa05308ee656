import Foundation
import OutpostServer
import OutpostSQLite
import Testing
import TestSupport

/// Unauthenticated clients attacking both ports of the real `outpost-server` on
/// loopback: attackers connect from 127.0.0.2 and up, the device from 127.0.0.1.
@Suite("Connection attacks on the real server", .serialized)
struct ConnectionAttackTests {
    /// The head of an HTTP sync request announcing a 4 MB body.
    static let httpHead = Array("POST /sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4000000\r\n\r\n".utf8)
    /// The length prefix of a native sync request announcing 4,000,000 bytes (LEB128).
    static let tcpPrefix: [UInt8] = [0x80, 0x92, 0xF4, 0x01]

    @Test("Slow 4 MB bodies on both ports keep the server under 300 MB, and a device still syncs over TCP and HTTP",
          .timeLimit(.minutes(3)))
    func slowBodies() async throws {
        let served = try await RealServer.start()
        defer { served.stop() }
        let pid = served.server.pid
        let before = try #require(ProcessMemory.resident(pid))
        // 100 connections a port, each announcing 4 MB and sending 2 MiB of it, then stalling.
        let body = [UInt8](repeating: 0x5A, count: 2 << 20)
        let attack = try await blocking { () -> [LoopbackSocket] in
            var open: [LoopbackSocket] = []
            for index in 0..<200 {
                let http = index % 2 == 0
                guard let socket = LoopbackSocket(from: http ? "127.0.0.2" : "127.0.0.3",
                                                  to: http ? served.server.httpPort : served.server.syncPort) else { continue }
                socket.send((http ? Self.httpHead : Self.tcpPrefix) + body)
                open.append(socket)
            }
            return open
        }
        let overTCP = try await served.deviceSync(endpoint: served.server.tcpEndpoint)
        let overHTTP = try await served.deviceSync(endpoint: served.server.httpEndpoint)
        let peak = try #require(ProcessMemory.peakResident(pid))
        let during = try #require(ProcessMemory.resident(pid))
        withExtendedLifetime(attack) {}
        #expect(overTCP.status == 0, "outpost sync over TCP under attack: \(overTCP.stderr)")
        #expect(overHTTP.status == 0, "outpost sync over HTTP under attack: \(overHTTP.stderr)")
        #expect(peak < 300 << 20, "server peak RSS \(peak >> 20) MB under 200 slow 4 MB bodies")
        print("slow bodies: \(attack.count) attacker connections; server RSS \(before >> 20) MB before, \(during >> 20) MB during, "
              + "peak \(peak >> 20) MB; device syncs: \(overTCP.stdout.split(separator: "\n").first ?? "") / "
              + "\(overHTTP.stdout.split(separator: "\n").first ?? "")")
    }

    @Test("Hundreds of half-sent requests from a few addresses, past the descriptor limit, leave both ports and /healthz to devices, and are cut at the request timeout",
          .timeLimit(.minutes(3)))
    func manyConnections() async throws {
        let served = try await RealServer.start(extraArguments: ["--request-timeout", "3"],
                                                launcher: ["/usr/bin/prlimit", "--nofile=256:256", "--"])
        defer { served.stop() }
        let pid = served.server.pid
        // 4 addresses × 100 connections on each port: 800, three times the server's descriptors.
        let attack = try await blocking { () -> [LoopbackSocket] in
            var open: [LoopbackSocket] = []
            for address in 2...5 {
                for index in 0..<200 {
                    let http = index % 2 == 0
                    guard let socket = LoopbackSocket(from: "127.0.0.\(address)",
                                                      to: http ? served.server.httpPort : served.server.syncPort) else { continue }
                    socket.send(http ? Array("POST /sync HTTP/1.1\r\nHost: x\r\nContent-Length: 900\r\n\r\n".utf8) + [1, 2, 3] : [0x84, 0x07, 1, 2])
                    open.append(socket)
                }
            }
            return open
        }
        let clock = ContinuousClock()
        let started = clock.now
        let overTCP = try await served.deviceSync(endpoint: served.server.tcpEndpoint)
        let overHTTP = try await served.deviceSync(endpoint: served.server.httpEndpoint)
        let health = try await blocking {
            LoopbackSocket(from: "127.0.0.1", to: served.server.httpPort)?
                .exchange(Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), within: 5000) ?? []
        }
        let syncSeconds = Double((clock.now - started) / .milliseconds(1)) / 1000
        // Every attacker connection still open is cut once the request timeout passes.
        let cut = try await blocking { attack.filter { $0.closedByPeer(within: 6000) }.count }
        let peak = try #require(ProcessMemory.peakResident(pid))
        #expect(overTCP.status == 0, "outpost sync over TCP under attack: \(overTCP.stderr)")
        #expect(overHTTP.status == 0, "outpost sync over HTTP under attack: \(overHTTP.stderr)")
        #expect(String(decoding: health, as: UTF8.self).hasPrefix("HTTP/1.1 200"), "GET /healthz under attack")
        #expect(cut == attack.count, "\(attack.count - cut) of \(attack.count) attacker connections were still open after the timeout")
        #expect(peak < 300 << 20)
        print("many connections: \(attack.count) attacker connections from 4 addresses against 256 descriptors; "
              + "device synced over TCP and HTTP and /healthz answered in \(syncSeconds) s; all \(cut) cut by the 3 s request timeout; "
              + "server peak RSS \(peak >> 20) MB")
    }
}
