import Glibc
import NIOCore

/// Turns a bind failure on a taken port into the one-line reason `serve` prints.
enum PortInUse {
    /// Runs `body`; an "address already in use" from it becomes
    /// `port 8080 is already in use; pick another with --port`.
    static func naming<T>(_ option: String, _ port: Int, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw CommandError("port \(port) is already in use; pick another with \(option)")
        }
    }
}
