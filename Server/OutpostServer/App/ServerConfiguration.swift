/// Where the server listens and what it calls itself; set by `serve`'s flags.
public struct ServerConfiguration: Sendable {
    /// The address the HTTP API and HTTP sync listen on, e.g. `127.0.0.1`.
    public var host: String
    /// The HTTP port; 0 asks the kernel for a free one (tests).
    public var port: Int
    /// The bearer token fulfilment systems send to read `GET /orders/feed`; without
    /// one the feed is not served.
    public var feedToken: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, feedToken: String? = nil) {
        self.host = host
        self.port = port
        self.feedToken = feedToken
    }
}
