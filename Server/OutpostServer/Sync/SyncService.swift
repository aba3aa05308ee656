import HubCore
public import ByteCoding
public import Logging
import MergeEngine
import OutpostModel
import OutpostProtocol
import SodiumKit
import SyncChannel
public import SyncListener

/// What the transports need of the sync service: the request limit, the answer to a
/// request refused from its length prefix, and the response to a request.
public protocol SyncResponder: Sendable {
    /// What one device may ask for.
    var limits: SyncLimits { get }
    /// The answer to a request a transport refused from its size or length prefix.
    func refusal(_ refusal: FrameError) -> [UInt8]?
    /// Answers one request arriving over `transport` ("tcp" or "http", for the metrics)
    /// on the caller's task, handing each response frame to `send`, which returns once
    /// the transport has taken it and throws once the transport stopped taking frames.
    func respond(to request: [UInt8], transport: String, send: @escaping ResponseSender) async
}

/// The server's sync endpoint, independent of the transport and of the storage:
/// takes one request's bytes, lets the hub decide (over any ledger), and alone turns
/// the hub's results into protocol frames (SPEC.md §5). Native TCP and HTTP POST
/// both hand their requests here.
public struct SyncService<Store: SyncServerStore>: SyncResponder {
    /// The server's durable state.
    let store: Store
    /// Every sync decision, over `store`.
    let hub: SyncHub<Store>
    /// The server's long-term key pair.
    let keys: KeyExchange.KeyPair
    /// The session keys of the devices that synced lately, derived from `keys`.
    let sessionKeys: SessionKeyCache
    /// The public half of the server's catalog-signing key, announced at enrolment.
    let signingPublicKey: [UInt8]
    /// The native TCP sync port announced at enrolment (0: HTTP only).
    let syncPort: UInt16
    /// What one device may ask for.
    public let limits: SyncLimits
    let logger: Logger
    /// Where sync counters go (`GET /metrics`); none: not measured.
    var metrics: ServerMetrics? = nil
    /// Document content for content requests; none: this server keeps no documents.
    public var documents: DocumentService? = nil

    /// Loads (or on first start creates) the server's key pair and catalog-signing key.
    /// - Parameter batchSize: records per response frame: a dropped transfer re-sends at most this many.
    public static func start(store: Store, syncPort: UInt16, batchSize: Int = 1000, limits: SyncLimits = SyncLimits(),
                             logger: Logger, metrics: ServerMetrics? = nil) async throws -> SyncService {
        let stored = try await store.serverKey {
            let pair = try KeyExchange.KeyPair.generate()
            return (pair.publicKey.bytes, pair.secretKey.bytes)
        }
        let keys = KeyExchange.KeyPair(publicKey: try .init(stored.publicKey), secretKey: try .init(stored.secretKey))
        return SyncService(store: store, hub: SyncHub(ledger: store, limits: limits.hub, batchSize: batchSize), keys: keys,
                           sessionKeys: SessionKeyCache(serverKeys: keys),
                           signingPublicKey: try await store.catalogSigningPublicKey(), syncPort: syncPort, limits: limits,
                           logger: logger, metrics: metrics)
    }

    /// The answer to a request a transport refused from its size or length prefix: an
    /// error frame saying so (SPEC.md §8).
    public func refusal(_ refusal: FrameError) -> [UInt8]? {
        let error = switch refusal {
        case .oversized(let bytes, let limit):
            ProtocolError(.oversized, "the sync request of \(bytes) bytes is over this server's limit of \(limit) bytes; nothing was applied")
        case .malformedLength:
            ProtocolError(.malformed, "the sync request's length prefix is not a valid varint")
        case .busy:
            ProtocolError(.unavailable, "the server is busy with other requests; nothing was applied, sync again in a minute")
        }
        logger.notice("sync refused", metadata: ["code": "\(error.code)", "reason": "\(error.message)"])
        return ResponseFrames.error(error)
    }

    /// Answers one request on the caller's task, handing each frame to `send`; errors
    /// become one error frame, the same ``ProtocolError/unauthenticated`` one for every
    /// request not authenticated.
    ///
    /// Pull-driven: each frame is sealed once `send` took the one before (the
    /// transport's `send` returns once the socket has room), and the ledger is read at
    /// most one frame ahead of it (``FrameSender``), so a slow device slows the producer
    /// instead of the server buffering a whole bootstrap. Once `send` throws (a cut
    /// link), nothing more is produced.
    public func respond(to request: [UInt8], transport: String = "tcp", send: @escaping ResponseSender) async {
        let observation = metrics?.syncStarted(transport: transport, requestBytes: request.count)
        let deliver: ResponseSender = { frame in
            do { try await send(observation.counting(frame)) } catch { throw TransportStopped() }
        }
        var outcome = "ok"
        do {
            switch try RequestHeader.kind(of: request) {
            case .enrol: try await deliver(try await enrol(request))
            case .sync: try await sync(try SealedRequest(parsing: request), send: deliver)
            case .content: try await content(try SealedRequest(parsing: request), send: deliver)
            }
        } catch is TransportStopped, is CancellationError {
            outcome = "abandoned"
            logger.info("sync response abandoned: the transport stopped reading")
        } catch let error as ProtocolError {
            outcome = "\(error.code)"
            logger.notice("sync refused", metadata: ["code": "\(error.code)", "reason": "\(error.message)"])
            // The precise reason stays in the log; the device is told only what it may know.
            try? await deliver(ResponseFrames.error(error.refusesUnauthenticated ? .unauthenticated : error))
        } catch {
            outcome = "failed"
            logger.error("sync failed", metadata: ["error": "\(error)"])
            try? await deliver(ResponseFrames.error(ProtocolError(.unavailable, "the server failed; nothing was lost, sync again later")))
        }
        observation?.finish(outcome)
    }
}

/// The transport stopped taking a response's frames (the link dropped, or the
/// stream's reader let go): nothing more of the response is produced.
struct TransportStopped: Error {}
