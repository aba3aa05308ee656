import Foundation
public import OutpostStore
public import ServiceLifecycle

/// Wakes the readers of `GET /orders/feed?wait=…` when the feed grows: the store's
/// watch (``OrderFeedStore/watchOrderFeed(_:)``: PostgreSQL's `LISTEN`, so an order
/// taken by any instance wakes readers on every instance) bumps a generation, and a
/// reader waits for the generation it read the feed at to pass, or for its deadline.
public actor OrderFeedWake {
    private var generation: UInt64 = 0
    private var waiters: [UUID: CheckedContinuation<Void, Never>] = [:]

    public init() {}

    /// The current generation: read it before reading the feed, then wait past it.
    public var current: UInt64 { generation }

    /// The feed grew: every waiter resumes.
    public func changed() {
        generation &+= 1
        let woken = waiters.values
        waiters = [:]
        for waiter in woken { waiter.resume() }
    }

    /// Returns once the generation is past `seen`, or after `timeout`.
    public func wait(past seen: UInt64, timeout: Duration) async {
        guard generation == seen else { return }
        let id = UUID()
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.timeOut(id)
        }
        await withCheckedContinuation { continuation in waiters[id] = continuation }
        timer.cancel()
    }

    private func timeOut(_ id: UUID) {
        waiters.removeValue(forKey: id)?.resume()
    }
}

/// The order feed as `serve` offers it: the store it reads, and the wake its waiting
/// readers sleep on, kept awake by ``run()`` for as long as the server runs.
public struct OrderFeedService: Service {
    let store: any OrderFeedStore
    let wake: OrderFeedWake

    public init(store: any OrderFeedStore, wake: OrderFeedWake = OrderFeedWake()) {
        self.store = store
        self.wake = wake
    }

    /// Watches the store until the server shuts down; every change wakes the waiting readers.
    public func run() async throws {
        let wake = wake
        try await cancelWhenGracefulShutdown {
            try await store.watchOrderFeed { Task { await wake.changed() } }
        }
    }
}
