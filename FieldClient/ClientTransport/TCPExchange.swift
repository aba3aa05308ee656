import ByteCoding

/// The native transport: the framed request, then response frames until `.done`.
enum TCPExchange {
    static func run(
        on connection: inout Connection,
        request: [UInt8],
        frames: inout FrameDelivery,
        onFrame: ([UInt8]) throws -> FrameDisposition
    ) throws(TransportError) {
        try connection.send(Framing.frame(request))
        while !frames.isDone {
            let bytes = try connection.receive()
            guard !bytes.isEmpty else {
                throw connection.failure(.connectionClosed(bytesReceived: connection.counters.bytesDown))
            }
            try frames.deliver(bytes, on: connection, to: onFrame)
        }
    }
}
