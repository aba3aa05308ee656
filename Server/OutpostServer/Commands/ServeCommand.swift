import ArgumentParser
import OutpostSQLite
import OutpostStore
import OutpostProtocol
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals
import SyncListener

/// `outpost-server serve`: runs the HTTP API and both sync transports, as services of one
/// `ServiceGroup`, until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the server: HTTP API and HTTP sync on --port, native TCP sync on --sync-port.",
        discussion: """
            Stops gracefully on Ctrl-C or SIGTERM. Example:
              outpost-server serve --db hq.sqlite --host 127.0.0.1 --port 8080 \\
                --sync-port 8081
            With TLS on the HTTP port (API and HTTP sync):
              outpost-server serve --db hq.sqlite --tls-cert hq.pem --tls-key hq.key
            Readers of the data API need an API token: outpost-server token add --scope orders:read
            Logs go to standard error; set --log-level debug for more.
            Limits per device (exceeding one is refused with a clear error, nothing applied):
              --max-request-bytes 4194304 --max-writes 1000 --sync-burst 30 --sync-rate 0.5
            Limits per connection, on both ports (a connection over them is closed):
              --max-connections 768 --max-connections-per-address 32 --request-timeout 30
              --idle-timeout 60 --max-pending-bytes 67108864
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var integration: IntegrationOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The HTTP port (API and HTTP sync); 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("sync-port"), help: "The native TCP sync port, devices' default; 0 picks a free one.")
    var syncPort = 8081

    @Option(name: .customLong("feed-token-file"),
            help: "Deprecated (use outpost-server token add): a file holding a static bearer token for GET /orders/feed and GET /forecast (or set OUTPOST_FEED_TOKEN).")
    var feedTokenFile: String?

    @Option(name: .customLong("tls-cert"), help: "A PEM certificate (chain) to serve the HTTP port over TLS with; needs --tls-key.")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "The PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel: Logger.Level = .info

    @Option(name: .customLong("max-request-bytes"), help: "The largest sync request, in bytes, on TCP and HTTP.")
    var maxRequestBytes = SyncLimits().maxRequestBytes

    @Option(name: .customLong("max-writes"), help: "The most writes one sync request may carry.")
    var maxWrites = SyncLimits().maxWritesPerRequest

    @Option(name: .customLong("sync-burst"), help: "Sync requests a device may send back to back.")
    var syncBurst = SyncLimits().burst

    @Option(name: .customLong("sync-rate"), help: "Sync requests per second a device regains after a burst.")
    var syncRate = SyncLimits().requestsPerSecond

    @Option(name: .customLong("max-connections"), help: "Connections open at once over both ports; keep it below the descriptor limit (ulimit -n).")
    var maxConnections = ConnectionLimits().total

    @Option(name: .customLong("max-connections-per-address"), help: "Connections open at once from one remote address.")
    var maxConnectionsPerAddress = ConnectionLimits().perAddress

    @Option(name: .customLong("request-timeout"), help: "Seconds a whole request may take to arrive before its connection is closed.")
    var requestTimeout = 30

    @Option(name: .customLong("idle-timeout"), help: "Seconds an HTTP connection may stay idle before it is closed.")
    var idleTimeout = 60

    @Option(name: .customLong("max-pending-bytes"), help: "Bytes all requests not yet answered may hold together (bodies read before authentication).")
    var maxPendingBytes = 64 << 20

    @Option(name: .customLong("max-document-size"), help: "The largest document, in bytes, a device may upload.")
    var maxDocumentSize = DocumentService.defaultMaxDocumentBytes

    @Option(name: .customLong("device-document-quota"), help: "The most bytes of document content one device may upload in all.")
    var deviceDocumentQuota = DocumentService.defaultDeviceQuota

    func validate() throws {
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("give --tls-cert and --tls-key together") }
        guard maxConnections >= 1, maxConnectionsPerAddress >= 1 else {
            throw ValidationError("--max-connections and --max-connections-per-address must be at least 1")
        }
        guard requestTimeout >= 1, idleTimeout >= 1 else { throw ValidationError("--request-timeout and --idle-timeout must be at least 1 second") }
        guard maxPendingBytes >= maxRequestBytes else {
            throw ValidationError("--max-pending-bytes must be at least --max-request-bytes (\(maxRequestBytes)), or no request of that size fits")
        }
        guard maxRequestBytes >= 64 else { throw ValidationError("--max-request-bytes must be at least 64 (a sealed empty sync is 25)") }
        guard maxWrites >= SyncRequest.maximumWrites else {
            throw ValidationError("--max-writes must be at least \(SyncRequest.maximumWrites): devices send up to that many writes per request")
        }
        guard syncBurst >= 1 else { throw ValidationError("--sync-burst must be at least 1") }
        guard syncRate > 0, syncRate.isFinite else { throw ValidationError("--sync-rate must be a positive number, e.g. 0.5") }
        guard maxDocumentSize >= 1, deviceDocumentQuota >= 0 else {
            throw ValidationError("--max-document-size must be at least 1 and --device-document-quota at least 0 (bytes)")
        }
    }

    func run() async throws {
        switch try store.location() {
        case .sqlite(let path): try await serve(sqlite: path)
        case .postgres(let location): try await serve(postgres: location)
        }
    }

    private func serve(sqlite path: String) async throws {
        let lock = try ServingLock.serving(path)
        defer { withExtendedLifetime(lock) {} }
        let store = try store.open()
        let (logger, metrics) = (makeLogger(), ServerMetrics())
        try await serve(sync: store, app: store, apiTokens: store, feedToken: try feedToken(),
                        integration: try integration.make(store: store, metrics: metrics, logger: logger),
                        console: ConsoleService(store: store), orderFeed: OrderFeedService(store: store), logger: logger, metrics: metrics,
                        documents: .sqlite(store, path: path, maxDocumentBytes: maxDocumentSize, deviceQuota: deviceDocumentQuota))
    }

    /// Runs the HTTP API and both sync transports over `store` until SIGINT or SIGTERM.
    func serve<Store: SyncServerStore>(sync store: Store, app: (any OutpostStore)?, apiTokens: SQLiteStore?, feedToken: String?,
                                       integration: Integration?, console: ConsoleService?, orderFeed: OrderFeedService?,
                                       logger: Logger, metrics: ServerMetrics, documents: DocumentService? = nil) async throws {
        let limits = SyncLimits(maxRequestBytes: maxRequestBytes, maxWritesPerRequest: maxWrites, burst: syncBurst,
                                requestsPerSecond: syncRate)
        let connections = ConnectionPolicy(
            limits: ConnectionLimits(total: maxConnections, perAddress: maxConnectionsPerAddress), pendingBytes: maxPendingBytes,
            requestTimeout: .seconds(requestTimeout), idleTimeout: .seconds(idleTimeout))
        let (sync, listener) = try await PortInUse.naming("--sync-port", syncPort) {
            try await SyncService.listen(store: store, host: host, port: syncPort, limits: limits, connections: connections,
                                         logger: logger, metrics: metrics, documents: documents)
        }
        let app = buildApplication(
            store: app,
            configuration: ServerConfiguration(host: host, port: port, feedToken: feedToken, apiTokens: apiTokens,
                                               tls: try tlsCertificate.map { try TLSFiles.configuration(certificate: $0, key: tlsKey ?? "") },
                                               connections: connections),
            sync: sync,
            integration: integration,
            console: console,
            orderFeed: orderFeed,
            logger: logger,
            onListening: { [logger, host, listener] port in
                logger.notice("listening", metadata: [
                    "host": "\(host)", "port": "\(port)", "sync_port": "\(listener.port)", "version": "\(outpostVersion)",
                ])
            }
        )
        // One group: SIGTERM or SIGINT drains both transports; either failing stops the
        // server with the error instead of leaving the other one serving.
        let services = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [listener, app] + (orderFeed.map { [$0] } ?? []), gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await PortInUse.naming("--port", port) { try await services.run() }
        logger.notice("stopped")
    }

    func makeLogger() -> Logger {
        var logger = Logger(label: "outpost-server")
        logger.logLevel = logLevel
        return logger
    }
}

extension ServeCommand {
    /// The feed token from `--feed-token-file` or `OUTPOST_FEED_TOKEN`, trimmed; `nil` when neither is set.
    func feedToken() throws -> String? {
        try TokenFile.read(feedTokenFile, orEnvironment: "OUTPOST_FEED_TOKEN", name: "feed token")
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
