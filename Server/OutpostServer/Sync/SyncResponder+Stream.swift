import AsyncAlgorithms

extension SyncResponder {
    /// The response frames for one request as a pull-driven stream, for a transport
    /// that hands the response body to another task (HTTP's streamed body).
    ///
    /// The answer is produced on a task of its own, one frame per pull: each frame
    /// waits until the transport takes it. When the transport lets go of the stream
    /// (done, or the link dropped), the producer is cancelled and stops at its next frame.
    public func respond(to request: [UInt8], transport: String) -> AsyncThrowingStream<[UInt8], any Error> {
        let channel = AsyncChannel<[UInt8]>()
        let producer = Task {
            await respond(to: request, transport: transport) { frame in
                await channel.send(frame)
                try Task.checkCancellation()
            }
            channel.finish()
        }
        let frames = ResponsePull(channel: channel, producer: producer)
        return AsyncThrowingStream(unfolding: { await frames.next() })
    }
}

/// Hands one response's frames to the transport one pull at a time. When the
/// transport lets go of the stream (done, or the link dropped), the producer is
/// cancelled and any frame it is offering is released.
private actor ResponsePull {
    private let channel: AsyncChannel<[UInt8]>
    private var iterator: AsyncChannel<[UInt8]>.AsyncIterator
    private let producer: Task<Void, Never>

    init(channel: AsyncChannel<[UInt8]>, producer: Task<Void, Never>) {
        self.channel = channel
        iterator = channel.makeAsyncIterator()
        self.producer = producer
    }

    /// The next frame, or `nil` after the last.
    func next() async -> [UInt8]? {
        var pulling = iterator
        let frame = await pulling.next(isolation: self)
        iterator = pulling
        return frame
    }

    deinit {
        producer.cancel()
        channel.finish()
    }
}
