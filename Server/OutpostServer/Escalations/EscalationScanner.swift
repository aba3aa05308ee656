public import Foundation
public import Logging
public import OutpostSQLite
public import ServiceLifecycle

/// Escalates quotes left awaiting approval: a service of the application that
/// scans every `interval` (see `SQLiteStore.escalateApprovals`). Its clock is a
/// parameter, so tests drive a scan at any instant without waiting.
public struct EscalationScanner: Service {
    let store: SQLiteStore
    let policy: EscalationPolicy
    var interval: Duration = .seconds(60)
    let metrics: ServerMetrics?
    let logger: Logger
    /// The time now.
    var now: @Sendable () -> Date = { Date() }

    /// A scanner of `store` under `policy`, reading the time from `now`.
    public init(store: SQLiteStore, policy: EscalationPolicy, interval: Duration = .seconds(60), metrics: ServerMetrics? = nil,
                logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.policy = policy
        self.interval = interval
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }

    public func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do { _ = try await scan() } catch {
                logger.error("escalation scan failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    /// Runs one scan at `now()`; returns the tasks it made.
    @discardableResult
    public func scan() async throws -> [ApprovalEscalation] {
        let made = try await store.escalateApprovals(now: now(), after: policy.approvalAfter)
        for level in Set(made.map(\.level)) {
            metrics?.escalated(level: level, count: made.filter { $0.level == level }.count)
        }
        for escalation in made {
            logger.notice("quote awaiting approval escalated", metadata: [
                "quote": "\(escalation.quoteID)", "level": "\(escalation.level)", "manager": "\(escalation.manager)",
                "task": "\(escalation.taskID)",
            ])
        }
        return made
    }
}
