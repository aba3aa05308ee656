public import Logging
public import SyncListener
import Synchronization

extension SyncService {
    /// Starts the sync service with its native TCP listener on `host:port` (0: a
    /// free port), refusing requests over `limits.maxRequestBytes` from their prefix.
    /// The enrolment answer announces the bound port, so the service is made once the
    /// listener is bound. Run the listener (a `Service`) in the server's `ServiceGroup`.
    /// `connections` caps the listener's connections and the bytes of unauthenticated
    /// requests; pass the HTTP app's policy so both ports share them.
    public static func listen(store: Store, host: String, port: Int, batchSize: Int = 1000, limits: SyncLimits = SyncLimits(),
                              connections: ConnectionPolicy = ConnectionPolicy(),
                              logger: Logger, metrics: ServerMetrics? = nil,
                              documents: DocumentService? = nil) async throws -> (service: SyncService, listener: NativeSyncListener) {
        let holder = SyncServiceHolder<Store>()
        let listener = try await NativeSyncListener.start(
            host: host, port: port, limits: FrameLimits(maxRequestBytes: limits.maxRequestBytes, requestTimeout: connections.requestTimeout),
            gate: connections.gate, budget: connections.budget,
            refuse: { holder.service.withLock { $0 }?.refusal($0) }
        ) { request, send in await holder.respond(to: request, send: send) }
        var service = try await start(store: store, syncPort: UInt16(listener.port), batchSize: batchSize, limits: limits, logger: logger,
                                  metrics: metrics)
        service.documents = documents
        holder.service.withLock { $0 = service }
        return (service, listener)
    }
}

/// Hands native sync requests to the service once it exists; until then a
/// connection is closed without an answer (the device retries). Typed by the store, not
/// an existential, so that the server's build of `listen` over its store specialises the
/// whole sync path for it (no generic metadata looked up per request).
final class SyncServiceHolder<Store: SyncServerStore>: Sendable {
    let service = Mutex<SyncService<Store>?>(nil)

    func respond(to request: [UInt8], send: @escaping ResponseSender) async {
        guard let sync = service.withLock({ $0 }) else { return }
        await sync.respond(to: request, transport: "tcp", send: send)
    }
}
