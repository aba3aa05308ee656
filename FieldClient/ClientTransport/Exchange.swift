/// Sends one request payload and hands each response frame to `onFrame` until it answers `.done`.
///
/// Over `tcp://` the request travels as one frame and response frames follow on the
/// same connection; over `http://` it is a minimal HTTP/1.1 `POST` whose body is the
/// same framed request and whose response body carries the same frames.
///
/// ```swift
/// let counters = try exchange(endpoint: .tcp(host: "hq", port: 8081), request: hello, timeout: .seconds(30)) { frame in
///     try engine.receive(frame)  // .more or .done
/// }
/// ```
///
/// - Parameters:
///   - endpoint: where the hub listens.
///   - request: the request payload; the transport adds the length prefix.
///   - timeout: the longest wait for any single connect, send or receive.
///   - maxFrameBytes: the largest response payload accepted.
///   - onFrame: called with each response payload in order; `.done` ends the exchange.
/// - Returns: the bytes written and read, HTTP head included.
/// - Throws: ``TransportError``, with the bytes that crossed the socket before the failure.
public func exchange(
    endpoint: SyncEndpoint,
    request: [UInt8],
    timeout: Duration,
    maxFrameBytes: Int = 64 << 20,
    onFrame: ([UInt8]) throws -> FrameDisposition
) throws(TransportError) -> TransportCounters {
    var connection = try Connection(host: endpoint.host, port: endpoint.port, timeout: timeout)
    var frames = FrameDelivery(maxFrameBytes: maxFrameBytes)
    switch endpoint {
    case .tcp:
        try TCPExchange.run(on: &connection, request: request, frames: &frames, onFrame: onFrame)
    case .http(_, _, let path):
        let host = endpoint.authority
        try HTTPExchange.run(on: &connection, host: host, path: path, request: request, frames: &frames, onFrame: onFrame)
    }
    return connection.counters
}
