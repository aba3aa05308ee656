public import SyncListener

/// How the server treats connections before they are authenticated, on both ports:
/// the caps on open connections, the bytes unauthenticated requests may hold, and how
/// long a request may take to arrive. One value is shared by the HTTP app and the
/// native sync listener, so the caps and the budget hold for the process as a whole.
///
/// ```swift
/// let policy = ConnectionPolicy(limits: ConnectionLimits(total: 512, perAddress: 32),
///                               pendingBytes: 64 << 20, requestTimeout: .seconds(30))
/// ```
public struct ConnectionPolicy: Sendable {
    /// Open connections, in total and per remote address.
    public let gate: ConnectionGate
    /// Bytes of requests not yet answered (their bodies read before authentication).
    public let budget: PendingBytesBudget
    /// How long a whole request may take to arrive, counted from the connection's start
    /// (or the previous answer): a slow trickle of bytes does not keep it open.
    public let requestTimeout: Duration
    /// How long an HTTP connection may stay open with nothing read or written.
    public let idleTimeout: Duration

    /// Creates a policy; the defaults suit a server with the usual 1,024 descriptors.
    public init(limits: ConnectionLimits = ConnectionLimits(), pendingBytes: Int = 64 << 20,
                requestTimeout: Duration = .seconds(30), idleTimeout: Duration = .seconds(60)) {
        gate = ConnectionGate(limits: limits)
        budget = PendingBytesBudget(limit: pendingBytes)
        self.requestTimeout = requestTimeout
        self.idleTimeout = idleTimeout
    }
}
