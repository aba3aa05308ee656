internal import NIOCore
internal import NIOPosix

/// A loopback TCP proxy in front of a server that counts the bytes of each connection
/// and can cut a connection after exactly N bytes in one direction, to play a field
/// link that drops mid-transfer.
///
/// ```swift
/// let proxy = try await CuttingProxy.start(upstreamPort: listener.port)
/// proxy.cut(.downstream, after: 1_000)  // the next connection dies after 1,000 bytes to the client
/// // ... exchange through proxy.port ...
/// await proxy.shutdown()
/// ```
public final class CuttingProxy: Sendable {
    /// Which way bytes travel.
    public enum Direction: Sendable, Hashable {
        /// Client to server (device to hub).
        case upstream
        /// Server to client (hub to device).
        case downstream
    }

    /// Which connections a cut applies to.
    public enum Scope: Sendable {
        /// Only the next connection accepted.
        case nextConnection
        /// Every connection accepted from now on.
        case allConnections
    }

    /// The port clients connect to.
    public let port: Int
    private let serverChannel: any Channel
    private let ledger: ProxyLedger

    private init(port: Int, serverChannel: any Channel, ledger: ProxyLedger) {
        self.port = port
        self.serverChannel = serverChannel
        self.ledger = ledger
    }

    /// Listens on a free loopback port and forwards each connection to `127.0.0.1:upstreamPort`.
    public static func start(upstreamPort: Int) async throws -> CuttingProxy {
        let ledger = ProxyLedger()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: false)
            .childChannelInitializer { client in
                let (connection, budgets) = ledger.open()
                return ClientBootstrap(group: client.eventLoop)
                    .connect(host: "127.0.0.1", port: upstreamPort)
                    .flatMapThrowing { server in
                        try client.pipeline.syncOperations.addHandler(
                            ForwardingHandler(to: server, .upstream, budget: budgets[.upstream], connection, ledger)
                        )
                        try server.pipeline.syncOperations.addHandler(
                            ForwardingHandler(to: client, .downstream, budget: budgets[.downstream], connection, ledger)
                        )
                        try client.syncOptions?.setOption(.autoRead, value: true)
                    }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return CuttingProxy(port: channel.localAddress?.port ?? 0, serverChannel: channel, ledger: ledger)
    }

    /// Cuts connections after `bytes` bytes travelled in `direction`: exactly those bytes
    /// are delivered, then both sides of the connection are closed.
    public func cut(_ direction: Direction, after bytes: Int, scope: Scope = .nextConnection) {
        ledger.setCut(direction, after: bytes, scope: scope)
    }

    /// Bytes forwarded on each connection so far, in the order connections were accepted.
    public var connections: [ProxyTraffic] {
        ledger.traffic
    }

    /// How many leading client-to-server bytes ``upstreamHeads`` keeps per connection.
    public static let headLength = 32

    /// The first ``headLength`` client-to-server bytes of each connection (a sync
    /// request's length prefix and clear header), in the order connections were accepted.
    public var upstreamHeads: [[UInt8]] {
        ledger.upstreamHeads
    }

    /// Stops accepting connections; those open run until a side closes.
    public func shutdown() async {
        try? await serverChannel.close()
    }
}

/// Bytes one proxied connection forwarded each way.
public struct ProxyTraffic: Sendable, Equatable {
    /// Client to server bytes.
    public var upstream: Int
    /// Server to client bytes.
    public var downstream: Int

    public init(upstream: Int = 0, downstream: Int = 0) {
        self.upstream = upstream
        self.downstream = downstream
    }
}
