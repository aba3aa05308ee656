import ByteCoding
import ClientTransport
import SyncListener
import Synchronization
import TestSupport
import Testing

@Suite("Native TCP transport")
struct NativeTCPTests {
    @Test("frames stream to the client, which counts every byte")
    func streamsFrames() async throws {
        let frames = [[], [1], bytes(200), bytes(70_000, seed: 3), [9, 8, 7]]
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0, handler: streaming(frames))
        let request = bytes(26)
        let outcome = try await runExchange(.tcp(host: "127.0.0.1", port: listener.port), request: request, expectedFrames: 6)
        await listener.shutdown()

        #expect(outcome.frames == [request.reversed()] + frames)
        let counters = try outcome.result.get()
        #expect(counters.bytesUp == Framing.framedSize(26))
        #expect(counters.bytesDown == framedSize(outcome.frames))
    }

    @Test("an oversized request closes the connection without calling the handler")
    func oversizedRequest() async throws {
        let calls = Mutex(0)
        let listener = try await NativeSyncListener.start(
            host: "127.0.0.1",
            port: 0,
            limits: FrameLimits(maxRequestBytes: 100)
        ) { request, send in
            calls.withLock { $0 += 1 }
            try await streaming([])(request, send)
        }
        let outcome = try await runExchange(.tcp(host: "127.0.0.1", port: listener.port), request: bytes(101), expectedFrames: 1)
        await listener.shutdown()

        guard case .connectionClosed(let received) = outcome.reason else {
            Issue.record("expected connectionClosed, got \(outcome.result)")
            return
        }
        #expect(received == 0)
        #expect(calls.withLock { $0 } == 0)
    }

    @Test("a handler failing midway delivers its frames, then the client reports the cut")
    func handlerFailsMidway() async throws {
        let frames = [bytes(10), bytes(300)]
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0, handler: streaming(frames, thenFail: true))
        let request = bytes(5)
        let outcome = try await runExchange(.tcp(host: "127.0.0.1", port: listener.port), request: request, expectedFrames: 4)
        await listener.shutdown()

        #expect(outcome.frames == [request.reversed()] + frames)
        guard case .failure(let error) = outcome.result, case .connectionClosed(let received) = error.reason else {
            Issue.record("expected connectionClosed, got \(outcome.result)")
            return
        }
        #expect(received == framedSize(outcome.frames))
        #expect(error.counters == TransportCounters(bytesUp: Framing.framedSize(5), bytesDown: received))
        #expect(error.description.contains("closed after \(received) bytes"))
    }

    @Test("nothing listening is a refused connection naming the address")
    func refused() async throws {
        let unlistened = try #require(UnlistenedPort())
        let port = unlistened.port
        let outcome = try await runExchange(.tcp(host: "127.0.0.1", port: port), request: [1], expectedFrames: 1)
        withExtendedLifetime(unlistened) {}

        guard case .failure(let error) = outcome.result, case .connectionRefused = error.reason else {
            Issue.record("expected connectionRefused, got \(outcome.result)")
            return
        }
        #expect(error.description.contains("refused by 127.0.0.1:\(port)"))
    }

    @Test("a silent hub times the client out")
    func timesOut() async throws {
        let (silence, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream()
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0) { _, _ in for try await _ in silence {} }
        let outcome = try await runExchange(
            .tcp(host: "127.0.0.1", port: listener.port),
            request: [1],
            expectedFrames: 1,
            timeout: .milliseconds(200)
        )
        continuation.finish()
        await listener.shutdown()

        guard case .failure(let error) = outcome.result, case .timedOut(let seconds) = error.reason else {
            Issue.record("expected timedOut, got \(outcome.result)")
            return
        }
        #expect(seconds == 0.2)
        #expect(error.description.contains("timed out after 0.2 s"))
    }

    @Test("a handler's send throws once the device has gone, so it stops producing", .timeLimit(.minutes(5)))
    func sendThrowsOnceTheDeviceHasGone() async throws {
        // Far more than the socket buffers hold: a send that never failed would let the
        // handler run through them all.
        let (frameCount, frame) = (4_000, bytes(65_536))
        let (ends, end) = AsyncStream.makeStream(of: (sent: Int, failed: Bool).self)
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0) { _, send in
            var sent = 0
            do {
                while sent < frameCount {
                    try await send(frame)
                    sent += 1
                }
                end.yield((sent, false))
            } catch {
                end.yield((sent, true))
                throw error
            }
        }
        // The device reads the first frame, then hangs up.
        let outcome = try await runExchange(.tcp(host: "127.0.0.1", port: listener.port), request: [1], expectedFrames: 1)
        var handlerEnds = ends.makeAsyncIterator()
        let ended = try #require(await handlerEnds.next())
        await listener.shutdown()

        #expect(outcome.frames == [frame])
        #expect(ended.failed)
        #expect(ended.sent < frameCount / 2, "\(ended.sent) frames sent to a device that had gone")
    }

    @Test("a host name resolves through getaddrinfo")
    func resolvesLocalhost() async throws {
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0, handler: streaming([]))
        let outcome = try await runExchange(.tcp(host: "localhost", port: listener.port), request: [4, 2], expectedFrames: 1)
        await listener.shutdown()
        #expect(outcome.frames == [[2, 4]])
    }
}

@Suite("Native TCP listener limits")
struct NativeListenerLimitTests {
    @Test("a request that stalls is closed at the request timeout", .timeLimit(.minutes(5)))
    func stalledRequest() async throws {
        let listener = try await NativeSyncListener.start(
            host: "127.0.0.1",
            port: 0,
            limits: FrameLimits(requestTimeout: .milliseconds(100)),
            handler: streaming([])
        )
        let received = try await sendAndWaitForClose(to: listener.port, [5, 1, 2])
        await listener.shutdown()
        #expect(received.isEmpty)
    }

    @Test("a malformed length prefix closes the connection unanswered", .timeLimit(.minutes(5)))
    func malformedPrefix() async throws {
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0, handler: streaming([]))
        let received = try await sendAndWaitForClose(to: listener.port, [UInt8](repeating: 0xFF, count: 11))
        await listener.shutdown()
        #expect(received.isEmpty)
    }

    @Test("bytes after the request frame are ignored", .timeLimit(.minutes(5)))
    func trailingBytes() async throws {
        let listener = try await NativeSyncListener.start(host: "127.0.0.1", port: 0, handler: streaming([[7]]))
        let received = try await sendAndWaitForClose(to: listener.port, [2, 1, 2, 9, 9, 9])
        await listener.shutdown()
        #expect(received == [2, 2, 1, 1, 7])
    }
}

@Suite("Native TCP listener shutdown")
struct NativeListenerShutdownTests {
    @Test("shutting down while connections arrive closes each of them", .timeLimit(.minutes(5)))
    func shutdownWithPendingConnections() async throws {
        let listener = try await NativeSyncListener.start(
            host: "127.0.0.1",
            port: 0,
            limits: FrameLimits(requestTimeout: .milliseconds(200)),
            handler: streaming([])
        )
        let port = listener.port
        await withTaskGroup { group in
            for _ in 0..<50 {
                group.addTask { _ = try? await sendAndWaitForClose(to: port, [5, 1]) }
            }
            await listener.shutdown()
        }
    }
}
