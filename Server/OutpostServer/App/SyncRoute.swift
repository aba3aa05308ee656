import ByteCoding
public import Hummingbird
import SyncListener

/// Registers `POST path` (default `/sync`): the HTTP twin of the native sync listener.
///
/// The request body is the same bytes a device sends over TCP: a LEB128 varint length
/// and the request payload. The response body is the handler's payloads, each framed
/// the same way: sent whole with `content-length` when the answer is short (steady
/// state), else streamed as it is yielded (HTTP/1.1 chunked). Only the status line,
/// the length header and the headers `Application` adds itself (`date`, and `server`
/// when a server name is configured) travel with it.
///
/// ```swift
/// let router = Router()
/// addSyncRoute(to: router) { request in engine.respond(to: request) }
/// ```
///
/// - Parameters:
///   - router: the router to add the route to.
///   - path: the route's path.
///   - maxRequestBytes: the largest request payload. A larger one is refused before the
///     body is read when its `content-length` says so, else as soon as the length prefix
///     or the bytes collected pass the limit: answered with `refuse`'s payload as the one
///     frame of a `200`, or `413` when `refuse` gives none.
///   - refuse: the answer to an oversized request.
///   - handler: turns a request payload into the stream of response payloads; a thrown
///     error cuts the response, which the device sees as a dropped transfer.
public func addSyncRoute<Context: RequestContext>(
    to router: Router<Context>,
    path: RouterPath = "sync",
    maxRequestBytes: Int = Framing.defaultMaxPayloadBytes,
    refuse: @escaping FrameRefusalHandler = { _ in nil },
    handler: @escaping @Sendable ([UInt8]) -> AsyncThrowingStream<[UInt8], any Error>
) {
    router.post(path) { request, _ -> Response in
        let maxBodyBytes = maxRequestBytes + Framing.maxPrefixBytes
        let payload: [UInt8]
        do {
            if let length = request.headers[.contentLength].flatMap(UInt64.init), length > UInt64(maxBodyBytes) {
                throw FrameError.oversized(announced: length, limit: maxRequestBytes)
            }
            var body: ByteBuffer
            do { body = try await request.body.collect(upTo: maxBodyBytes) } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
                throw FrameError.oversized(announced: UInt64(maxBodyBytes + 1), limit: maxRequestBytes)
            }
            payload = try SyncFrame.readRequest(from: &body, maxPayloadBytes: maxRequestBytes)
        } catch let refusal as FrameError {
            guard let answer = refuse(refusal) else {
                throw HTTPError(.contentTooLarge, message: "The sync request is over \(maxRequestBytes) bytes.")
            }
            var framed = ByteBuffer()
            framed.writeFrame(answer)
            return Response(status: .ok, body: ResponseBody(byteBuffer: framed))
        }
        var responses = handler(payload).makeAsyncIterator()
        // A short answer (a steady-state sync) goes out whole with `content-length`,
        // which costs fewer bytes than chunked framing; a long one streams.
        var head = ByteBuffer()
        while head.readableBytes < wholeResponseLimit, let frame = try await responses.next() {
            head.writeFrame(frame)
        }
        guard head.readableBytes >= wholeResponseLimit else {
            return Response(status: .ok, body: ResponseBody(byteBuffer: head))
        }
        let rest = UncheckedIterator(iterator: responses)
        let first = head
        return Response(
            status: .ok,
            body: ResponseBody { writer in
                try await writer.write(first)
                var iterator = rest.iterator
                while let payload = try await iterator.next() {
                    var framed = ByteBuffer()
                    framed.writeFrame(payload)
                    try await writer.write(framed)
                }
                try await writer.finish(nil)
            }
        )
    }
}

/// Responses up to this size are sent whole; longer ones stream.
private let wholeResponseLimit = 16 << 10

/// Hands the response iterator to the body writer. The iterator is used by one task
/// at a time: the route stops touching it before the body writer starts, so the
/// unchecked conformance is safe.
private struct UncheckedIterator: @unchecked Sendable {
    let iterator: AsyncThrowingStream<[UInt8], any Error>.Iterator
}

/// Reads the one length-prefixed request an HTTP sync body holds.
private enum SyncFrame {
    /// The payload of a body that must be exactly one frame.
    ///
    /// - Throws: ``FrameError`` when the announced length is over the limit, `HTTPError`
    ///   400 when the body is not exactly one frame.
    static func readRequest(from body: inout ByteBuffer, maxPayloadBytes: Int) throws -> [UInt8] {
        do throws(FrameError) {
            if try Framing.readPrefix(of: body.readableBytesView, maxPayloadBytes: maxPayloadBytes) != nil,
               let payload = body.readLengthPrefixedBytes(strategy: LEB128LengthPrefix()), body.readableBytes == 0 {
                return payload
            }
        } catch .malformedLength {}
        throw HTTPError(.badRequest, message: "The body must be one length-prefixed sync request.")
    }
}
