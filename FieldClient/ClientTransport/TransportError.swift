import ByteCoding

import Glibc

/// Why an exchange failed, and how many bytes crossed the socket before it did.
///
/// The counters matter for partial transfers: the sync layer reports the bytes a
/// dropped sync used. Match on ``reason``:
///
/// ```swift
/// do { counters = try exchange(...) }
/// catch { if case .connectionClosed(let received) = error.reason { resume(after: received) } }
/// ```
public struct TransportError: Error, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable {
        /// The host name did not resolve.
        case unresolvedHost(String, detail: String)
        /// Nothing listens at the address (or a firewall refused).
        case connectionRefused(host: String, port: Int)
        /// No byte could be sent or received for the whole timeout.
        case timedOut(seconds: Double)
        /// The peer closed or reset the connection (or ended its HTTP response)
        /// before the frame callback answered `.done`.
        case connectionClosed(bytesReceived: Int)
        /// The hub answered HTTP with a status outside 2xx; `body` is its start, if text.
        case httpStatus(Int, body: String)
        /// The hub's HTTP response could not be parsed.
        case malformedHTTP(String)
        /// The response bytes are not valid frames.
        case malformedFrame(FrameError)
        /// The frame callback threw; its error is carried unchanged.
        case frameHandlerFailed(any Error)
        /// Another socket call failed with `errno`.
        case socket(operation: String, errno: Int32)
    }

    /// What went wrong.
    public let reason: Reason
    /// Bytes sent and received before the failure.
    public let counters: TransportCounters

    /// Creates an error; the transports make these, tests may too.
    public init(_ reason: Reason, counters: TransportCounters) {
        self.reason = reason
        self.counters = counters
    }

    public var description: String {
        switch reason {
        case .unresolvedHost(let host, let detail):
            "cannot resolve host '\(host)' (\(detail)); check the endpoint's host name and the network"
        case .connectionRefused(let host, let port):
            "connection refused by \(host):\(port); check that the hub is running and the port is right"
        case .timedOut(let seconds):
            "timed out after \(Self.format(seconds)) s without data (\(counters.bytesDown) bytes received); try again on a better link"
        case .connectionClosed(let received):
            "connection closed after \(received) bytes received before the response was complete; sync again to resume"
        case .httpStatus(let status, let body):
            "the hub answered HTTP \(status)\(body.isEmpty ? "" : ": \(body)")\(Self.advice(forStatus: status))"
        case .malformedHTTP(let detail):
            "the hub's HTTP response is malformed (\(detail)); is the endpoint an Outpost hub?"
        case .malformedFrame(let error):
            "the hub's response is malformed: \(error); is the endpoint an Outpost hub?"
        case .frameHandlerFailed(let error):
            "\(error)"
        case .socket(let operation, let code):
            "\(operation) failed: \(String(cString: strerror(code)))"
        }
    }

    private static func advice(forStatus status: Int) -> String {
        switch status {
        case 404, 405: "; check the endpoint's path"
        case 413: "; the request is larger than the hub accepts"
        case 500...599: "; the hub or a proxy failed, try again later"
        default: ""
        }
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
