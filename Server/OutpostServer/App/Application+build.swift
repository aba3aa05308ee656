public import Hummingbird
public import Logging
public import OutpostStore
import HummingbirdCore
import HummingbirdTLS
import NIOCore
import SyncListener

/// The application's version, reported by `/healthz` and `--version`.
public let outpostVersion = "0.1.0"

/// Builds the HTTP application: the router with every endpoint, bound to the store.
///
/// `serve` runs what this returns; tests call the same function and drive it with
/// HummingbirdTesting on a real loopback port.
///
/// - Parameters:
///   - store: the server's durable state, for the data API (none: its routes are absent).
///   - configuration: host and port to bind.
///   - logger: where request and lifecycle logs go.
///   - sync: the sync endpoint served at `POST /sync` (none: the route is absent).
///   - integration: `/readyz`, `/metrics`, `POST /leads` and the webhook and escalation services (none: absent).
///   - console: the browser console served under `/console/` (none: absent).
///   - orderFeed: the order feed of `GET /orders/feed` with its wake (none: `store`'s, without `wait`).
///   - onListening: called with the bound port once the server accepts connections.
public func buildApplication(
    store: (any OutpostStore)?,
    configuration: ServerConfiguration,
    sync: (any SyncResponder)? = nil,
    integration: Integration? = nil,
    console: ConsoleService? = nil,
    orderFeed: OrderFeedService? = nil,
    logger: Logger,
    onListening: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    let access = APIAccess(tokens: configuration.apiTokens, legacyToken: configuration.feedToken)
    let router = buildRouter(store: store, sync: sync, access: access, console: console, orderFeed: orderFeed)
    integration?.addRoutes(to: router, logger: logger)
    let policy = configuration.connections
    let http1 = HTTP1Channel.Configuration(additionalChannelHandlers: [HTTPConnectionGuard(policy: policy)],
                                           idleTimeout: TimeAmount(policy.idleTimeout))
    let tls = configuration.tls
    return Application(
        router: router,
        server: HTTPServerBuilder { responder in
            let channel = HTTP1Channel(responder: responder, configuration: http1)
            guard let tls else { return channel }
            return try TLSChannel(channel, tlsConfiguration: tls)
        },
        configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
        services: integration?.services ?? [],
        onServerRunning: { channel in await onListening(channel.localAddress?.port ?? configuration.port) },
        logger: logger
    )
}

/// The router of the HTTP API; see ARCHITECTURE.md for the endpoint list.
func buildRouter(store: (any OutpostStore)?, sync: (any SyncResponder)? = nil, access: APIAccess = APIAccess(tokens: nil),
                 console: ConsoleService? = nil, orderFeed: OrderFeedService? = nil) -> Router<BasicRequestContext> {
    let router = Router()
    router.addMiddleware { LogRequestsMiddleware(.info) }
    router.get("healthz") { _, _ -> HealthReport in
        HealthReport(status: "ok", version: outpostVersion)
    }
    addOpenAPIRoute(to: router)
    if let sync {
        addSyncRoute(to: router, maxRequestBytes: sync.limits.maxRequestBytes, refuse: { sync.refusal($0) }) {
            sync.respond(to: $0, transport: "http")
        }
    }
    if access.acceptsAny, let feed: any OrderFeedStore = orderFeed?.store ?? store {
        addOrderFeedRoute(to: router, store: feed, access: access, wake: orderFeed?.wake)
    }
    if access.acceptsAny, let store {
        addForecastRoute(to: router, store: store, access: access)
    }
    if let console {
        addConsoleRoutes(to: router, console: console)
    }
    return router
}

/// The body of `GET /healthz`.
struct HealthReport: ResponseCodable {
    let status: String
    let version: String
}
