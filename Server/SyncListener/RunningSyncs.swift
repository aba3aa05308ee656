internal import NIOCore
import Synchronization

/// A listener's open connections and the syncs answering them, each sync on its own task
/// started by the event loop the moment its request has arrived: so a graceful shutdown
/// can wait for them all, and a cut can close them.
final class RunningSyncs: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: any Channel] = [:]
        var tasks: [UInt64: Task<Void, Never>] = [:]
        var next: UInt64 = 0
        var cut = false
        var waiting: [CheckedContinuation<Void, Never>] = []

        var isIdle: Bool { connections.isEmpty && tasks.isEmpty }

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
        state.withLock { state in
            guard !state.cut else { return false }
            let id = state.next
            state.next += 1
            // Inserted under the lock, so the task's own removal always comes after.
            state.tasks[id] = Task { [self] in
                await body()
                finish(id)
            }
            return true
        }
    }

    /// Cancels every sync in progress, closes every connection, and admits no more.
    func cut() {
        let (tasks, connections) = state.withLock { state in
            state.cut = true
            return (Array(state.tasks.values), Array(state.connections.values))
        }
        for task in tasks { task.cancel() }
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

    private func finish(_ id: UInt64) {
        let waiting = state.withLock { state in
            state.tasks[id] = nil
            return state.takeWaitersIfIdle()
        }
        for continuation in waiting { continuation.resume() }
    }
}
