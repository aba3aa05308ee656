import ByteCoding
import ClientTransport
import SyncListener
import TestSupport

/// What one client exchange produced: the frames delivered and how it ended.
struct ExchangeOutcome: Sendable {
    var frames: [[UInt8]]
    var result: Result<TransportCounters, TransportError>

    /// The failure's reason, or `nil` when the exchange succeeded.
    var reason: TransportError.Reason? {
        if case .failure(let error) = result { error.reason } else { nil }
    }
}

/// Runs one exchange on a pool thread, answering `.done` at the `expectedFrames`th frame.
func runExchange(
    _ endpoint: SyncEndpoint,
    request: [UInt8],
    expectedFrames: Int,
    timeout: Duration = .seconds(60)
) async throws -> ExchangeOutcome {
    try await blocking {
        var frames: [[UInt8]] = []
        let result = Result { () throws(TransportError) in
            try exchange(endpoint: endpoint, request: request, timeout: timeout) { frame in
                frames.append(frame)
                return frames.count == expectedFrames ? .done : .more
            }
        }
        return ExchangeOutcome(frames: frames, result: result)
    }
}

/// A handler that answers every request with the request reversed, then `frames`,
/// then finishes (or fails, cutting the connection).
func streaming(_ frames: [[UInt8]], thenFail: Bool = false) -> SyncHandler {
    { request, send in
        try await send(request.reversed())
        for frame in frames { try await send(frame) }
        if thenFail { throw HandlerFailure() }
    }
}

/// The error a failing test handler throws.
struct HandlerFailure: Error {}

/// Bytes of `payloads` once framed.
func framedSize(_ payloads: [[UInt8]]) -> Int {
    payloads.reduce(0) { $0 + Framing.framedSize($1.count) }
}

/// `count` bytes counting up from `seed`, so that misplaced bytes show.
func bytes(_ count: Int, seed: UInt8 = 0) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: $0 &+ Int(seed)) }
}
