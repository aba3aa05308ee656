import Foundation
import Glibc
import Hummingbird
import HummingbirdTesting
import OutpostServer
import SyncListener
import Testing

@Suite("HTTP sync route")
struct SyncRouteTests {
    /// An application configured like `buildApplication`'s (no server name) serving only `POST /sync`.
    private func application(
        maxRequestBytes: Int = 4 << 20,
        refuse: @escaping FrameRefusalHandler = { _ in nil },
        handler: @escaping @Sendable ([UInt8]) -> AsyncThrowingStream<[UInt8], any Error>
    ) -> some ApplicationProtocol {
        let router = Router()
        addSyncRoute(to: router, maxRequestBytes: maxRequestBytes, refuse: refuse, handler: handler)
        return Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0))
        )
    }

    /// A handler answering every request with `frames`.
    private static func answering(_ frames: [[UInt8]]) -> @Sendable ([UInt8]) -> AsyncThrowingStream<[UInt8], any Error> {
        { _ in
            AsyncThrowingStream { continuation in
                for frame in frames { continuation.yield(frame) }
                continuation.finish()
            }
        }
    }

    @Test("a tiny exchange costs 93 bytes up and 101 down, headers included: short answers go out whole with content-length")
    func tinyExchangeBytes() async throws {
        let request: [UInt8] = [26] + Array(repeating: 0xA5, count: 26)  // 26-byte payload behind its prefix
        let response: [UInt8] = Array(repeating: 0x5A, count: 24)
        let app = application(handler: Self.answering([response]))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let head = "POST /sync HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: \(request.count)\r\n\r\n"
            let sent = Array(head.utf8) + request
            let received = try await onThread {
                try RawConnection(port: port).exchange(sent, until: [24] + response)
            }

            let text = String(decoding: received, as: UTF8.self)
            let headEnd = try #require(text.firstRange(of: "\r\n\r\n"))
            let lines = text[..<headEnd.lowerBound].split(separator: "\r\n")
            #expect(lines.first == "HTTP/1.1 200 OK")
            #expect(Set(lines.dropFirst().map { $0.prefix { $0 != ":" }.lowercased() }) == ["content-length", "date"])
            #expect(lines.contains { $0.lowercased() == "content-length: 25" })
            #expect(Array(received.suffix(29)) == Array("\r\n\r\n".utf8) + [24] + response)

            #expect(sent.count == 88 + String(port).count)  // 93 with the usual 5-digit ephemeral port
            #expect(received.count == 101)
        }
    }

    @Test("an announced length over the limit is 413, a body that is not one frame is 400")
    func refusals() async throws {
        let app = application(maxRequestBytes: 10, handler: Self.answering([[1]]))
        try await app.test(.live) { client in
            let cases: [([UInt8], HTTPResponse.Status)] = [
                ([11] + Array(repeating: 0, count: 11), .contentTooLarge),
                ([3, 1, 2], .badRequest),
                ([1, 1, 9], .badRequest),
                ([0x80, 0x80], .badRequest),
                ([], .badRequest),
                ([2, 7, 7], .ok),
            ]
            for (body, status) in cases {
                try await client.execute(uri: "/sync", method: .post, body: ByteBuffer(bytes: body)) { response in
                    #expect(response.status == status, "body \(body)")
                }
            }
        }
    }

    @Test("a content-length over the limit is answered with the refusal before any of the body is sent")
    func refusedFromContentLength() async throws {
        let refusal: [UInt8] = [0x0F, 4, 0x21]
        let app = application(maxRequestBytes: 10, refuse: { _ in refusal }, handler: Self.answering([[1]]))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            // Announces a gigabyte and sends none of it: the answer must come anyway.
            let head = "POST /sync HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 1000000000\r\n\r\n"
            let received = try await onThread { try RawConnection(port: port).exchange(Array(head.utf8), until: [3] + refusal) }
            #expect(String(decoding: received, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"))
            #expect(received.suffix(4) == [3] + refusal)
        }
    }

    @Test("frames are streamed in order, each behind its length")
    func streamsFrames() async throws {
        let frames: [[UInt8]] = [[], [1, 2, 3], Array(repeating: 7, count: 300)]
        let app = application(handler: Self.answering(frames))
        try await app.test(.live) { client in
            try await client.execute(uri: "/sync", method: .post, body: ByteBuffer(bytes: [0])) { response in
                #expect(response.status == .ok)
                #expect(Array(buffer: response.body) == [0] + [3, 1, 2, 3] + [0xAC, 0x02] + frames[2])
            }
        }
    }
}

/// Runs blocking socket code on its own thread: the server under test needs the cooperative pool.
private func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result(catching: body)) }
    }
}

/// A blocking loopback socket, to see the exact bytes on the wire.
private struct RawConnection: ~Copyable {
    let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard status == 0 else { throw SocketFailure(call: "connect", code: errno) }
        // A response that never completes fails the test instead of hanging the suite.
        var limit = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit {
        close(descriptor)
    }

    /// Sends `bytes`, then reads until what was received ends with `end` (or the peer closes).
    func exchange(_ bytes: [UInt8], until end: [UInt8]) throws -> [UInt8] {
        let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        guard sent == bytes.count else { throw SocketFailure(call: "send", code: errno) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !received.reversed().starts(with: end.reversed()) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            received.append(contentsOf: buffer[..<count])
        }
        return received
    }
}

/// A socket call that failed in a test.
private struct SocketFailure: Error {
    let call: String
    let code: Int32
}
