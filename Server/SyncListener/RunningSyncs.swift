internal import NIOCore
import Synchronization

/// A listener's open connections and the syncs answering them, each sync on its own task
/// started by the event loop the moment its request has arrived: so a graceful shutdown
/// can wait for them all, and a cut can close them (a sync whose connection is closed
/// stops at its next frame, as a cancelled one does).
final class RunningSyncs: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: any Channel] = [:]
        var running = 0
        var cut = false
        var waiting: [CheckedContinuation<Void, Never>] = []

        var isIdle: Bool { connections.isEmpty && running == 0 }

        /// The waiters to resume once nothing is left.
        mutating func takeWaitersIfIdle() -> [CheckedContinuation<Void, Never>] {
            guard isIdle else { return [] }
            defer { waiting = [] }
            return waiting
        }
    }

    private let state = Mutex(State())

    /// Counts `channel` until it closes; `false` (not counted) once cut.
    func admit(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let admitted = state.withLock { state in
            guard !state.cut else { return false }
            state.connections[id] = channel
            return true
        }
        guard admitted else { return false }
        channel.closeFuture.whenComplete { [self] _ in
            let waiting = state.withLock { state in
                state.connections[id] = nil
                return state.takeWaitersIfIdle()
            }
            for continuation in waiting { continuation.resume() }
        }
        return true
    }

    /// Starts `body` on a task of its own; `false` (nothing started) once cut.
    func start(_ body: @escaping @Sendable () async -> Void) -> Bool {
        let admitted = state.withLock { state in
            guard !state.cut else { return false }
            state.running += 1
            return true
        }
        guard admitted else { return false }
        Task { [self] in
            await body()
            finish()
        }
        return true
    }

    /// Closes every connection, which ends the syncs answering them, and admits no more.
    func cut() {
        let connections = state.withLock { state in
            state.cut = true
            return Array(state.connections.values)
        }
        for channel in connections { channel.close(promise: nil) }
    }

    /// Returns once every connection is closed and every sync has ended.
    func drained() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let idle = state.withLock { state in
                if state.isIdle { return true }
                state.waiting.append(continuation)
                return false
            }
            if idle { continuation.resume() }
        }
    }

    private func finish() {
        let waiting = state.withLock { state in
            state.running -= 1
            return state.takeWaitersIfIdle()
        }
        for continuation in waiting { continuation.resume() }
    }
}
