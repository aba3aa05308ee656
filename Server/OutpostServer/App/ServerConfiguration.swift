public import HummingbirdTLS
public import OutpostSQLite

/// Where the server listens and what it calls itself; set by `serve`'s flags.
public struct ServerConfiguration: Sendable {
    /// The address the HTTP API and HTTP sync listen on, e.g. `127.0.0.1`.
    public var host: String
    /// The HTTP port; 0 asks the kernel for a free one (tests).
    public var port: Int
    /// The deprecated static bearer token of `--feed-token-file` (scopes `orders:read`
    /// and `forecast:read`).
    public var feedToken: String?
    /// Where API tokens are looked up (`outpost-server token add`); with neither this
    /// nor `feedToken`, the data routes are not served.
    public var apiTokens: SQLiteStore?
    /// The certificate and key to serve the HTTP port over TLS with (`nil`: plain HTTP).
    public var tls: TLSConfiguration?
    /// Caps, budget and timeouts for connections not yet authenticated (shared with the
    /// native sync listener when `serve` runs both).
    public var connections: ConnectionPolicy

    public init(host: String = "127.0.0.1", port: Int = 8080, feedToken: String? = nil, apiTokens: SQLiteStore? = nil,
                tls: TLSConfiguration? = nil, connections: ConnectionPolicy = ConnectionPolicy()) {
        self.host = host
        self.port = port
        self.feedToken = feedToken
        self.apiTokens = apiTokens
        self.tls = tls
        self.connections = connections
    }
}
