internal import NIOPosix

/// Runs blocking code (a POSIX socket client) on NIO's thread pool, off the
/// cooperative pool, so the async servers under test keep running meanwhile.
///
/// ```swift
/// let result = try await blocking { Result { () throws(TransportError) in try exchange(...) } }
/// ```
public func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
}
