import NIOConcurrencyHelpers
import NIOPosix

extension NIOThreadPool {
    /// Runs the synchronous `body` on one of the pool's threads and waits for it without
    /// blocking the caller's thread.
    ///
    /// `body` need not escape (the hub's transaction bodies do not): the pool's work item
    /// holds only a ``BlockingJob``, which gives the body up before the caller resumes.
    func run<T: Sendable>(_ body: @Sendable () throws -> T) async throws -> T {
        try await withoutActuallyEscaping(body) { escapable in
            let job = BlockingJob(escapable)
            return try await withCheckedThrowingContinuation { continuation in
                submit { state in
                    guard case .active = state else {
                        job.drop()
                        return continuation.resume(throwing: NIOThreadPoolError.ThreadPoolInactive())
                    }
                    continuation.resume(with: job.run())
                }
            }
        }
    }
}

/// One body handed to a pool thread, run once and released before its result is handed
/// back (so that `withoutActuallyEscaping` finds it unescaped).
final class BlockingJob<T: Sendable>: Sendable {
    private let body: NIOLockedValueBox<(@Sendable () throws -> T)?>

    init(_ body: @escaping @Sendable () throws -> T) { self.body = NIOLockedValueBox(body) }

    /// Runs the body and lets go of it.
    func run() -> Result<T, any Error> {
        guard let body = take() else { return .failure(NIOThreadPoolError.ThreadPoolInactive()) }
        return Result { try body() }
    }

    /// Lets go of the body without running it.
    func drop() { _ = take() }

    private func take() -> (@Sendable () throws -> T)? {
        body.withLockedValue { body in
            defer { body = nil }
            return body
        }
    }
}
