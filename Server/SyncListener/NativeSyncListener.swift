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
    private let serverChannel: any Channel
    private let syncs: RunningSyncs
    private let draining: DrainFlag

    private init(port: Int, serverChannel: any Channel, syncs: RunningSyncs, draining: DrainFlag) {
        self.port = port
        self.serverChannel = serverChannel
        self.syncs = syncs
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
        let syncs = RunningSyncs()
        // Each connection is read on its event loop by a plain handler (``RequestHandler``),
        // which starts the task answering it once the whole request has arrived: no
        // accept loop, no `NIOAsyncChannel`, one hand-off from the loop per sync.
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Over a cap, the connection is closed at once: its descriptor is freed
                    // and nothing of it is read.
                    guard let ticket = gate.admit(address: channel.remoteAddress?.ipAddress ?? "unknown") else {
                        channel.close(promise: nil)
                        return
                    }
                    guard syncs.admit(channel) else {
                        ticket.release()
                        channel.close(promise: nil)
                        return
                    }
                    let reservation = ReservationHolder()
                    channel.closeFuture.whenComplete { _ in
                        ticket.release()
                        reservation.release()
                    }
                    let decoder = RequestFrameDecoder(maxPayloadBytes: limits.maxRequestBytes, budget: budget, reservation: reservation)
                    let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(limits.requestTimeout)) {
                        channel.close(promise: nil)
                    }
                    let inputEnded = channel.eventLoop.makePromise(of: Void.self)
                    let requests = RequestHandler(inputEnded: inputEnded, deadline: deadline) { frame in
                        let started = syncs.start {
                            await serve(frame, on: channel, inputEnded: inputEnded.futureResult, refuse: refuse, handler: handler)
                        }
                        if !started { channel.close(promise: nil) }
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                    try channel.pipeline.syncOperations.addHandler(requests)
                }
            }
            .bind(host: host, port: port).get()
        return NativeSyncListener(port: server.localAddress?.port ?? port, serverChannel: server, syncs: syncs, draining: DrainFlag())
    }

    /// Serves until a graceful shutdown, which stops accepting and returns once every
    /// connection accepted is closed (answered, or at its request deadline), or until
    /// cancelled, which cuts them.
    /// - Throws: ``ListenerFailure`` when the listening socket stops by itself.
    public func run() async throws {
        await withTaskCancellationHandler {
            await withGracefulShutdownHandler {
                try? await serverChannel.closeFuture.get()
                await syncs.drained()
            } onGracefulShutdown: {
                self.draining.set()
                self.serverChannel.close(promise: nil)
            }
        } onCancel: {
            self.syncs.cut()
            self.serverChannel.close(promise: nil)
        }
        guard draining.isSet || Task.isCancelled else {
            throw ListenerFailure(port: port, reason: "the listening socket closed")
        }
    }

    /// Stops accepting, cuts the syncs in progress, and returns when every connection is closed.
    public func shutdown() async {
        syncs.cut()
        try? await serverChannel.close()
        await syncs.drained()
    }

    /// Answers one connection's request frame, on its own task: lets the handler send its
    /// frames with backpressure, then closes.
    ///
    /// A request refused from its length prefix gets `refuse`'s answer; the rest of
    /// it is read and discarded (never buffered) until the peer closes or the request
    /// deadline passes, so the device finishes sending and reads the answer. Any other
    /// failure (peer gone, handler error) just closes the connection: the device sees
    /// a dropped transfer and resumes.
    private static func serve(_ first: RequestFrame, on channel: any Channel, inputEnded: EventLoopFuture<Void>,
                              refuse: FrameRefusalHandler, handler: SyncHandler) async {
        // A cut closes the connection, which ends every wait and makes the next `send` throw.
        do {
            switch first {
            case .refused(let refusal):
                if let answer = refuse(refusal) { try await channel.writeAndFlush(frame(answer, on: channel)) }
                try await channel.close(mode: .output).get()
                try await inputEnded.get()  // the decoder discards; ends at the peer's close or the deadline
            case .request(let request):
                do {
                    // The answer is produced here, on the connection's task: no hand-off per frame.
                    try await handler(Array(buffer: request)) { payload in try await send(payload, on: channel) }
                } catch {
                    // Deliver the frames already written: the device keeps every complete batch.
                }
                // Closing the output waits for pending writes; a full close would drop them.
                try await channel.close(mode: .output).get()
            }
        } catch {
            // The device has gone, or the connection was closed under the answer.
        }
        channel.close(promise: nil)
    }

    /// Writes one response payload as a frame. Returns at once while the socket takes
    /// more, else once this frame is written (so a slow device slows the producer, at
    /// most a frame beyond the channel's high-water mark); throws once the connection
    /// is gone, so the producer stops.
    private static func send(_ payload: [UInt8], on channel: any Channel) async throws {
        guard channel.isActive else { throw ChannelError.ioOnClosedChannel }
        let written = channel.eventLoop.makePromise(of: Void.self)
        channel.writeAndFlush(frame(payload, on: channel), promise: written)
        if !channel.isWritable { try await written.futureResult.get() }
    }

    /// `payload` with its length prefix, in a buffer of the channel's allocator.
    private static func frame(_ payload: [UInt8], on channel: any Channel) -> ByteBuffer {
        var frame = channel.allocator.buffer(capacity: payload.count + 10)
        frame.writeFrame(payload)
        return frame
    }
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
