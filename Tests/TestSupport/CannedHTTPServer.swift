internal import NIOCore
internal import NIOPosix

/// A loopback server that answers every HTTP request with the same canned bytes,
/// to test an HTTP client against responses a real server would rarely send.
///
/// It waits for the whole request (head and `Content-Length` body), records it, then
/// writes `pieces` one flush each and closes (unless told to stay open).
///
/// ```swift
/// let server = try await CannedHTTPServer.start(pieces: [Array("HTTP/1.1 404 Not Found\r\n\r\n".utf8)])
/// ```
public final class CannedHTTPServer: Sendable {
    /// The port clients connect to.
    public let port: Int
    private let serverChannel: any Channel
    private let log: RequestLog

    private init(port: Int, serverChannel: any Channel, log: RequestLog) {
        self.port = port
        self.serverChannel = serverChannel
        self.log = log
    }

    /// Listens on a free loopback port.
    ///
    /// - Parameters:
    ///   - pieces: the response, cut where the writes should be cut.
    ///   - closesAfterResponse: whether to close the connection after the last piece.
    public static func start(pieces: [[UInt8]], closesAfterResponse: Bool = true) async throws -> CannedHTTPServer {
        let requests = RequestLog()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handler = CannedResponder(pieces: pieces, closesAfterResponse: closesAfterResponse, log: requests)
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return CannedHTTPServer(port: channel.localAddress?.port ?? 0, serverChannel: channel, log: requests)
    }

    /// The complete requests received, in order.
    public var requests: [[UInt8]] {
        log.requests
    }

    /// Stops accepting connections.
    public func shutdown() async {
        try? await serverChannel.close()
    }
}
