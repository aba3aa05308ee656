import CoreMetrics
import Foundation
import Metrics
import Prometheus
import Synchronization

/// The server's metrics: swift-metrics handles backed by one swift-prometheus
/// registry per server (no process-wide bootstrap, so several servers in one test
/// process keep their own figures). `GET /metrics` renders the registry.
///
/// Every metric is named `outpost_…`; README.md lists them.
public final class ServerMetrics: Sendable {
    private let registry: PrometheusCollectorRegistry
    private let factory: PrometheusMetricsFactory

    /// The sync latency buckets, in seconds.
    static let latencyBuckets: [Duration] = [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
                                             .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
                                             .seconds(2.5), .seconds(5), .seconds(10), .seconds(30)]

    /// A registry of its own and the metrics' families.
    public init() {
        registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets = ["outpost_sync_duration_seconds": Self.latencyBuckets]
        self.factory = factory
    }

    // MARK: Sync

    /// Starts timing one sync exchange on `transport` (`tcp` or `http`) whose request
    /// was `requestBytes` long; the returned value records its end.
    func syncStarted(transport: String, requestBytes: Int) -> SyncObservation {
        CoreMetrics.Counter(label: "outpost_sync_bytes_received_total", dimensions: [("transport", transport)], factory: factory)
            .increment(by: Int64(requestBytes))
        return SyncObservation(metrics: self, transport: transport, active: activeConnections(transport))
    }

    /// Counts one compressed sync request inflated: done only for authenticated,
    /// new, admitted requests of devices not revoked, so replays cost no decompression.
    func requestInflated() {
        CoreMetrics.Counter(label: "outpost_sync_requests_inflated_total", factory: factory).increment()
    }

    fileprivate func activeConnections(_ transport: String) -> CoreMetrics.Meter {
        CoreMetrics.Meter(label: "outpost_active_connections", dimensions: [("transport", transport)], factory: factory)
    }

    fileprivate func syncFinished(transport: String, outcome: String, duration: Duration, bytesSent: Int) {
        CoreMetrics.Counter(label: "outpost_syncs_total", dimensions: [("transport", transport), ("outcome", outcome)], factory: factory).increment()
        CoreMetrics.Timer(label: "outpost_sync_duration_seconds", dimensions: [("transport", transport)], factory: factory)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
        CoreMetrics.Counter(label: "outpost_sync_bytes_sent_total", dimensions: [("transport", transport)], factory: factory)
            .increment(by: Int64(bytesSent))
        if outcome == "rateLimited" {
            CoreMetrics.Counter(label: "outpost_rate_limited_requests_total", dimensions: [("transport", transport)], factory: factory).increment()
        }
    }

    /// Counts the writes of one push: `accepted`, and the refusals by reason.
    func writes(accepted: Int, refusedByReason: [String: Int]) {
        CoreMetrics.Counter(label: "outpost_writes_accepted_total", factory: factory).increment(by: Int64(accepted))
        for (reason, count) in refusedByReason {
            CoreMetrics.Counter(label: "outpost_writes_refused_total", dimensions: [("reason", reason)], factory: factory).increment(by: Int64(count))
        }
    }

    /// Counts records sent to devices.
    func recordsSent(_ count: Int) {
        CoreMetrics.Counter(label: "outpost_records_sent_total", factory: factory).increment(by: Int64(count))
    }

    // MARK: Integration

    /// Counts one webhook delivery attempt: `delivered`, `retry` or `failed`.
    func webhookAttempt(outcome: String) {
        CoreMetrics.Counter(label: "outpost_webhook_deliveries_total", dimensions: [("outcome", outcome)], factory: factory).increment()
        if outcome != "delivered" {
            CoreMetrics.Counter(label: "outpost_webhook_failures_total", factory: factory).increment()
        }
    }

    /// Counts a lead assigned by `rule` (`queue` when no rule matched).
    func leadAssigned(rule: String) {
        CoreMetrics.Counter(label: "outpost_leads_assigned_total", dimensions: [("rule", rule)], factory: factory).increment()
    }

    /// Counts escalation tasks made at `level` (1: approver, 2: their manager).
    func escalated(level: Int, count: Int) {
        CoreMetrics.Counter(label: "outpost_approval_escalations_total", dimensions: [("level", "\(level)")], factory: factory)
            .increment(by: Int64(count))
    }

    // MARK: State, read at scrape time

    /// Sets the gauges that describe the store as it is now.
    func storeState(changeSequence: Int64, databaseBytes: Int64, ordersAwaitingDesk: Int) {
        CoreMetrics.Gauge(label: "outpost_change_sequence", factory: factory).record(changeSequence)
        CoreMetrics.Gauge(label: "outpost_database_bytes", factory: factory).record(databaseBytes)
        CoreMetrics.Gauge(label: "outpost_orders_awaiting_desk_overdue", factory: factory).record(ordersAwaitingDesk)
    }

    /// The metrics in Prometheus text exposition format.
    func render() -> String {
        registry.emitToString()
    }
}

/// One sync exchange being measured: bytes sent as frames go out, and the outcome,
/// duration and byte total once it ends (exactly once).
final class SyncObservation: Sendable {
    private let metrics: ServerMetrics
    private let transport: String
    private let active: CoreMetrics.Meter
    private let start = ContinuousClock.now
    /// Bytes sent so far; `nil` once finished.
    private let bytesSent = Mutex<Int?>(0)

    fileprivate init(metrics: ServerMetrics, transport: String, active: CoreMetrics.Meter) {
        self.metrics = metrics
        self.transport = transport
        self.active = active
        active.increment()
    }

    /// Counts a frame of `bytes` handed to the transport.
    func sent(_ bytes: Int) {
        bytesSent.withLock { $0 = $0.map { $0 + bytes } }
    }

    /// Records the end of the exchange: `ok`, a protocol error code, `failed` or `abandoned`.
    func finish(_ outcome: String) {
        let total = bytesSent.withLock { sent in
            defer { sent = nil }
            return sent
        }
        guard let bytes = total else { return }
        active.decrement()
        metrics.syncFinished(transport: transport, outcome: outcome, duration: ContinuousClock.now - start, bytesSent: bytes)
    }
}
