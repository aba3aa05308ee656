import ByteCoding

/// Cuts received bytes into frames and hands them to the caller's callback until it answers `.done`.
struct FrameDelivery {
    private var reader: FrameReader
    /// Whether the callback has answered `.done`.
    private(set) var isDone = false

    init(maxFrameBytes: Int) {
        reader = FrameReader(maxPayloadBytes: maxFrameBytes)
    }

    /// Feeds response bytes and delivers every complete frame; bytes after `.done` are ignored.
    mutating func deliver(
        _ bytes: some Sequence<UInt8>,
        on connection: borrowing Connection,
        to onFrame: ([UInt8]) throws -> FrameDisposition
    ) throws(TransportError) {
        guard !isDone else { return }
        reader.feed(bytes)
        while true {
            let payload: [UInt8]
            do throws(FrameError) {
                guard let next = try reader.next() else { return }
                payload = next
            } catch {
                throw connection.failure(.malformedFrame(error))
            }
            do {
                if try onFrame(payload) == .done {
                    isDone = true
                    return
                }
            } catch {
                throw connection.failure(.frameHandlerFailed(error))
            }
        }
    }
}
