internal import NIOCore
internal import NIOPosix
public import ServiceLifecycle
import Synchronization

/// The native sync transport: a TCP listener where each connection carries one
/// length-prefixed request and the framed response stream.
///
/// ```swift
/// let listener = try await NativeSyncListener.start(host: "0.0.0.0", port: 8081) { request, send in
///     await engine.respond(to: request, transport: "tcp", send: send)
/// }
/// // ...
/// await listener.shutdown()
/// ```
///
/// It is a `Service`: in a `ServiceGroup`, a graceful shutdown (SIGTERM) stops
/// accepting and lets the syncs in progress finish, and a listening socket that
/// fails makes ``run()`` throw, which stops the whole group.
public final class NativeSyncListener: Service, Sendable {
    /// The bound port (the kernel's choice when started with port 0).
    public let port: Int
    private let acceptLoop: Task<Void, any Error>
    private let serverChannel: any Channel
    private let draining: DrainFlag

    private init(port: Int, acceptLoop: Task<Void, any Error>, serverChannel: any Channel, draining: DrainFlag) {
        self.port = port
        self.acceptLoop = acceptLoop
        self.serverChannel = serverChannel
        self.draining = draining
    }

    /// Binds `host:port` and starts answering connections with `handler`.
    ///
    /// - Parameters:
    ///   - host: the address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    ///   - port: the port; 0 asks the kernel for a free one.
    ///   - limits: the largest request and how long it may take to arrive.
    ///   - gate: the connection caps, shared with the server's other port.
    ///   - budget: the bytes all unauthenticated requests may hold, shared likewise.
    ///   - refuse: the answer to a request refused from its length prefix (the default
    ///     closes the connection unanswered).
    ///   - handler: turns a request payload into the stream of response payloads.
    public static func start(
        host: String,
        port: Int,
        limits: FrameLimits = FrameLimits(),
        gate: ConnectionGate = ConnectionGate(limits: ConnectionLimits()),
        budget: PendingBytesBudget = PendingBytesBudget(limit: 64 << 20),
        refuse: @escaping FrameRefusalHandler = { _ in nil },
        handler: @escaping SyncHandler
    ) async throws -> NativeSyncListener {
        // Children are not wrapped in NIOAsyncChannel here: one accepted but never served
        // (at shutdown) would trap when dropped. They wait unread, with their deadline set.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelOption(.autoRead, value: false)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Over a cap, the connection is closed at once: its descriptor is freed
                    // and nothing of it is read.
                    guard let ticket = gate.admit(address: channel.remoteAddress?.ipAddress ?? "unknown") else {
                        channel.close(promise: nil)
                        return AcceptedConnection(channel: channel, requestDeadline: nil)
                    }
                    let reservation = ReservationHolder()
                    channel.closeFuture.whenComplete { _ in
                        ticket.release()
                        reservation.release()
                    }
                    let decoder = RequestFrameDecoder(maxPayloadBytes: limits.maxRequestBytes, budget: budget, reservation: reservation)
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                    let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(limits.requestTimeout)) {
                        channel.close(promise: nil)
                    }
                    return AcceptedConnection(channel: channel, requestDeadline: deadline)
                }
            }
        let boundPort = server.channel.localAddress?.port ?? port
        let serverChannel = server.channel
        let draining = DrainFlag()
        let acceptLoop = Task<Void, any Error> {
            let failure = await withDiscardingTaskGroup(returning: (any Error)?.self) { group in
                do {
                    try await server.executeThenClose { connections in
                        for try await connection in connections where connection.requestDeadline != nil {
                            group.addTask { await serve(connection, refuse: refuse, handler: handler) }
                        }
                    }
                    return nil
                } catch {
                    return error
                }
            }
            guard !Task.isCancelled, !draining.isSet else { return }
            if let failure { throw ListenerFailure(port: boundPort, reason: "\(failure)") }
        }
        return NativeSyncListener(port: boundPort, acceptLoop: acceptLoop, serverChannel: serverChannel, draining: draining)
    }

    /// Serves until a graceful shutdown, which stops accepting and returns once the
    /// syncs in progress are done, or until cancelled, which cuts them.
    /// - Throws: ``ListenerFailure`` when the listening socket stops by itself.
    public func run() async throws {
        try await withTaskCancellationHandler {
            try await withGracefulShutdownHandler {
                try await acceptLoop.value
            } onGracefulShutdown: {
                self.draining.set()
                self.serverChannel.close(promise: nil)
            }
        } onCancel: {
            self.acceptLoop.cancel()
        }
        guard draining.isSet || Task.isCancelled else {
            throw ListenerFailure(port: port, reason: "the listening socket closed")
        }
    }

    /// Stops accepting, cuts the syncs in progress, and returns when every connection is closed.
    public func shutdown() async {
        acceptLoop.cancel()
        _ = await acceptLoop.result
    }

    /// Reads one request, lets the handler send its frames with backpressure, then closes.
    ///
    /// A request refused from its length prefix gets `refuse`'s answer; the rest of
    /// it is read and discarded (never buffered) until the peer closes or the request
    /// deadline passes, so the device finishes sending and reads the answer. Any other
    /// failure (truncated request, peer gone, handler error) just closes the
    /// connection: the device sees a dropped transfer and resumes.
    private static func serve(_ accepted: AcceptedConnection, refuse: FrameRefusalHandler, handler: SyncHandler) async {
        let channel = accepted.channel
        let connection: NIOAsyncChannel<RequestFrame, ByteBuffer>
        do {
            connection = try await channel.eventLoop.submit {
                let connection = try NIOAsyncChannel<RequestFrame, ByteBuffer>(wrappingChannelSynchronously: channel)
                try channel.syncOptions?.setOption(.autoRead, value: true)
                return connection
            }.get()
        } catch {
            channel.close(promise: nil)
            return
        }
        try? await connection.executeThenClose { inbound, outbound in
            var requests = inbound.makeAsyncIterator()
            let first = try await requests.next()
            if case .refused(let refusal) = first {
                if let answer = refuse(refusal) {
                    var frame = channel.allocator.buffer(capacity: answer.count + 10)
                    frame.writeFrame(answer)
                    try await outbound.write(frame)
                }
                try await channel.close(mode: .output).get()
                while try await requests.next() != nil {}  // the decoder discards; ends at the peer's close or the deadline
                return
            }
            accepted.requestDeadline?.cancel()
            guard case .request(let request) = first else { return }
            do {
                // The answer is produced here, on the connection's task: no hand-off per frame.
                try await handler(Array(buffer: request)) { payload in
                    var frame = channel.allocator.buffer(capacity: payload.count + 10)
                    frame.writeFrame(payload)
                    try await outbound.write(frame)  // suspends while the channel is not writable
                }
            } catch {
                // Deliver the frames already written: the device keeps every complete batch.
            }
            // Closing the output waits for pending writes; a full close would drop them.
            guard !Task.isCancelled else { return }
            try await channel.close(mode: .output).get()
        }
    }
}

/// A connection accepted but not yet served: unread, closed at its deadline unless a
/// request arrives (no deadline: refused by the gate and already closing).
private struct AcceptedConnection: Sendable {
    let channel: any Channel
    let requestDeadline: Scheduled<Void>?
}

/// The native sync listener stopped accepting connections without being asked to.
public struct ListenerFailure: Error, CustomStringConvertible {
    /// The port it listened on.
    public let port: Int
    /// What happened.
    public let reason: String

    public var description: String {
        "the native sync listener on port \(port) stopped: \(reason); restart outpost-server (check the port and file-descriptor limits)"
    }
}

/// Set once a graceful shutdown began: the listening socket's close is then expected.
private final class DrainFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .sequentiallyConsistent) }

    func set() { value.store(true, ordering: .sequentiallyConsistent) }
}
