import ByteCoding
import ClientTransport
import TestSupport
import Testing

@Suite("HTTP client transport")
struct HTTPClientTests {
    private static let request = bytes(26)
    private static let frames = [bytes(24), bytes(300, seed: 1)]
    private static var body: [UInt8] { frames.flatMap(Framing.frame) }

    /// Serves `response` in writes of `piece` bytes, exchanges `request`, and returns the
    /// outcome, the bytes the client sent, the response's size and the server's port.
    private func exchange(
        with response: [UInt8],
        piece: Int = .max,
        expectedFrames: Int = frames.count,
        closesAfterResponse: Bool = true
    ) async throws -> (ExchangeOutcome, sent: [UInt8], received: Int, port: Int) {
        let step = max(min(piece, response.count), 1)
        let pieces = stride(from: 0, to: response.count, by: step).map {
            Array(response[$0..<min($0 + step, response.count)])
        }
        let server = try await CannedHTTPServer.start(pieces: pieces, closesAfterResponse: closesAfterResponse)
        let endpoint = SyncEndpoint.http(host: "127.0.0.1", port: server.port, path: "/sync")
        let outcome = try await runExchange(endpoint, request: Self.request, expectedFrames: expectedFrames)
        await server.shutdown()
        return (outcome, server.requests.first ?? [], response.count, server.port)
    }

    private static func chunked(_ body: [UInt8], cuts: [Int]) -> [UInt8] {
        var chunks: [UInt8] = []
        var start = 0
        for end in cuts + [body.count] where end > start {
            chunks += Array("\(String(end - start, radix: 16));ext=1\r\n".utf8) + body[start..<end] + Array("\r\n".utf8)
            start = end
        }
        return chunks + Array("0\r\nX-Trailer: 1\r\n\r\n".utf8)
    }

    @Test("the request is minimal: request line, Host, Content-Length, framed body")
    func minimalRequest() async throws {
        let response = Array("HTTP/1.1 200 OK\r\nContent-Length: \(Self.body.count)\r\n\r\n".utf8) + Self.body
        let (outcome, sent, received, port) = try await exchange(with: response)
        let head = "POST /sync HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nContent-Length: 27\r\n\r\n"
        #expect(sent == Array(head.utf8) + Framing.frame(Self.request))
        #expect(outcome.frames == Self.frames)
        #expect(try outcome.result.get() == TransportCounters(bytesUp: sent.count, bytesDown: received))
    }

    @Test("chunked bodies are decoded whatever the chunk and write boundaries", arguments: [1, 7, 4096])
    func chunkedBody(piece: Int) async throws {
        let head = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let response = head + Self.chunked(Self.body, cuts: [1, 20, 26, 200])
        let (outcome, _, received, _) = try await exchange(with: response, piece: piece, closesAfterResponse: false)
        #expect(outcome.frames == Self.frames)
        #expect(try outcome.result.get().bytesDown == received)
    }

    @Test("a body without length ends when the server closes")
    func readToClose() async throws {
        let response = Array("HTTP/1.1 200 OK\r\n\r\n".utf8) + Self.body
        let (outcome, _, received, _) = try await exchange(with: response, piece: 100)
        #expect(outcome.frames == Self.frames)
        #expect(try outcome.result.get().bytesDown == received)
    }

    @Test("a non-2xx status is reported with the start of its text body")
    func errorStatus() async throws {
        let response = Array("HTTP/1.1 404 Not Found\r\nContent-Length: 14\r\n\r\nno such\nroute!".utf8)
        let (outcome, _, received, _) = try await exchange(with: response, closesAfterResponse: false)
        guard case .failure(let error) = outcome.result, case .httpStatus(404, let body) = error.reason else {
            Issue.record("expected httpStatus 404, got \(outcome.result)")
            return
        }
        #expect(body == "no such route!")
        #expect(error.counters.bytesDown == received)
        #expect(error.description == "the hub answered HTTP 404: no such route!; check the endpoint's path")
    }

    @Test("a response that ends before the last frame is a closed connection with the bytes received")
    func truncatedChunkedBody() async throws {
        let head = Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
        let response = head + Self.chunked(Self.body, cuts: [25]).prefix(head.count + 40)
        let (outcome, _, received, _) = try await exchange(with: Array(response))
        #expect(outcome.frames == [Self.frames[0]])
        guard case .connectionClosed(let count) = outcome.reason else {
            Issue.record("expected connectionClosed, got \(outcome.result)")
            return
        }
        #expect(count == received)
    }

    @Test(
        "a response that is not HTTP is reported as such",
        arguments: [
            "SSH-2.0-OpenSSH_9.6\r\n\r\n", "HTTP/1.1 200 OK\r\nbroken header\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
        ]
    )
    func notHTTP(response: String) async throws {
        let (outcome, _, _, _) = try await exchange(with: Array(response.utf8))
        guard case .malformedHTTP = outcome.reason else {
            Issue.record("expected malformedHTTP, got \(outcome.result)")
            return
        }
    }

    @Test("a frame that overflows the length prefix is reported as a malformed frame")
    func malformedFrame() async throws {
        let response = Array("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n".utf8) + [UInt8](repeating: 0xFF, count: 11)
        let (outcome, _, _, _) = try await exchange(with: response)
        guard case .malformedFrame(.malformedLength) = outcome.reason else {
            Issue.record("expected malformedFrame, got \(outcome.result)")
            return
        }
    }
}
