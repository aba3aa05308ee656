import AsyncAlgorithms
import HubCore
import MergeEngine
import OutpostProtocol
import SyncChannel

/// Seals and numbers the frames of one response.
struct FrameSender {
    let sealer: ResponseFrames.Sealer
    let request: SyncCursor
    let send: @Sendable ([UInt8]) async throws -> Void
    private(set) var index: UInt32 = 0

    /// Frames sent one after another before the rest of a delivery is read ahead on a
    /// task of its own: a steady sync's response is a frame or a few, and setting up the
    /// reader for each cost the one-write mix with 64 devices a fifth of its syncs per
    /// server CPU second (`sync-load`); a bootstrap's hundreds of frames still overlap.
    static let framesBeforeReadingAhead = 4

    init(sealer: ResponseFrames.Sealer, request: SyncCursor, send: @escaping @Sendable ([UInt8]) async throws -> Void) {
        self.sealer = sealer
        self.request = request
        self.send = send
    }

    /// Seals `frame` and hands it on; returns once the transport has taken it.
    mutating func send(_ frame: SyncResponseFrame) async throws {
        try await send(encoded: frame.encoded(answering: request, hub: ReplicaID.hub))
    }

    /// Sends every step of `delivery` as the next frames, in order; returns the records
    /// delivered.
    ///
    /// Pipelined: while one frame is compressed, sealed and sent here, the next step is
    /// read from the ledger and encoded on a task of its own, so a bootstrap's reading
    /// and its compression overlap instead of taking turns. At most one encoded frame
    /// waits (the reader hands it over and only then reads on), so memory stays at about
    /// two frames however large the delivery. A delivery of one step (every steady sync)
    /// is sent here, without the task. A failed send (a cut link) cancels the reader at
    /// its next frame; a failed read ends the response with its error after the frames
    /// before it, as a serial loop would.
    mutating func send<Ledger: SyncLedger>(_ delivery: Delivery<Ledger>) async throws -> Int {
        var delivery = delivery
        for _ in 0..<Self.framesBeforeReadingAhead {
            guard let step = try await delivery.next() else { return delivery.recordsSent }
            try await send(SyncResponseFrame(step))
        }
        guard !delivery.isFinished else { return delivery.recordsSent }
        let encoded = AsyncThrowingChannel<[UInt8], any Error>()
        let (request, remaining) = (request, delivery)
        return try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                var rest = remaining
                do {
                    while let step = try await rest.next() {
                        await encoded.send(try SyncResponseFrame(step).encoded(answering: request, hub: ReplicaID.hub))
                        try Task.checkCancellation()
                    }
                    encoded.finish()
                } catch {
                    encoded.fail(error)
                }
                return rest.recordsSent
            }
            for try await plaintext in encoded { try await send(encoded: plaintext) }
            return try await group.next() ?? delivery.recordsSent
        }
    }

    /// Seals one encoded frame as the next and hands it on.
    private mutating func send(encoded plaintext: [UInt8]) async throws {
        try await send(try sealer.seal(plaintext, index: index))
        index += 1
    }
}
