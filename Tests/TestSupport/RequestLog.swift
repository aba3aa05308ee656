internal import Synchronization

/// The requests a ``CannedHTTPServer`` received, shared by its connections.
final class RequestLog: Sendable {
    private let entries = Mutex<[[UInt8]]>([])

    func append(_ request: [UInt8]) {
        entries.withLock { $0.append(request) }
    }

    var requests: [[UInt8]] {
        entries.withLock { $0 }
    }
}
