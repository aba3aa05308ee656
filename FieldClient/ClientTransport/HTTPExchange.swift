import ByteCoding

/// The HTTP transport: a minimal HTTP/1.1 `POST` whose request and response bodies carry frames.
enum HTTPExchange {
    /// The most body text quoted in an HTTP status error.
    static let quotedBodyBytes = 200

    static func run(
        on connection: inout Connection,
        host: String,
        path: String,
        request: [UInt8],
        frames: inout FrameDelivery,
        onFrame: ([UInt8]) throws -> FrameDisposition
    ) throws(TransportError) {
        let body = Framing.frame(request)
        let head = "POST \(path) HTTP/1.1\r\nHost: \(host)\r\nContent-Length: \(body.count)\r\n\r\n"
        try connection.send(Array(head.utf8) + body)

        let (response, leftover) = try readHead(on: &connection)
        var decoder = HTTPBodyDecoder(response.bodyFraming)
        guard (200..<300).contains(response.status) else {
            let text = try readQuotedBody(on: &connection, decoder: &decoder, leftover: leftover)
            throw connection.failure(.httpStatus(response.status, body: text))
        }

        var pending = leftover
        while true {
            let data: ArraySlice<UInt8>
            do throws(MalformedHTTP) {
                data = try decoder.decode(pending)
            } catch {
                throw connection.failure(.malformedHTTP(error.detail))
            }
            try frames.deliver(data, on: connection, to: onFrame)
            if decoder.isComplete || (frames.isDone && decoder.endsAtClose) { break }
            do throws(TransportError) {
                pending = try connection.receive()
            } catch {
                guard frames.isDone else { throw error }
                return  // the response is complete; only its HTTP terminator went missing
            }
            if pending.isEmpty { break }
        }
        guard frames.isDone else {
            throw connection.failure(.connectionClosed(bytesReceived: connection.counters.bytesDown))
        }
    }

    /// Reads up to the end of the response head; returns it and the body bytes read with it.
    private static func readHead(
        on connection: inout Connection
    ) throws(TransportError) -> (HTTPResponseHead, ArraySlice<UInt8>) {
        var bytes: [UInt8] = []
        while true {
            let received = try connection.receive()
            guard !received.isEmpty else {
                throw connection.failure(.connectionClosed(bytesReceived: connection.counters.bytesDown))
            }
            bytes.append(contentsOf: received)
            if let end = HTTPResponseHead.endIndex(in: bytes) {
                do throws(MalformedHTTP) {
                    return (try HTTPResponseHead(parsing: bytes[..<end]), bytes[end...])
                } catch {
                    throw connection.failure(.malformedHTTP(error.detail))
                }
            }
            guard bytes.count <= HTTPResponseHead.maxBytes else {
                throw connection.failure(.malformedHTTP("head longer than \(HTTPResponseHead.maxBytes) bytes"))
            }
        }
    }

    /// The start of an error response's body as text, or empty when it is not UTF-8.
    private static func readQuotedBody(
        on connection: inout Connection,
        decoder: inout HTTPBodyDecoder,
        leftover: ArraySlice<UInt8>
    ) throws(TransportError) -> String {
        var text: [UInt8] = []
        var pending = leftover
        while text.count < quotedBodyBytes {
            guard let data = try? decoder.decode(pending) else { break }
            text.append(contentsOf: data)
            guard !decoder.isComplete, let next = try? connection.receive(), !next.isEmpty else { break }
            pending = next
        }
        let quoted = String(validating: text.prefix(quotedBodyBytes), as: UTF8.self) ?? ""
        return quoted.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
