import ArgumentParser
import Foundation
import Logging
import OutpostSQLite
import ServiceLifecycle

/// `serve`'s flags for webhooks, web-to-lead and escalations.
struct IntegrationOptions: ParsableArguments {
    @Option(name: .customLong("lead-token-file"),
            help: "A file holding the API token (scope leads:write) for POST /leads (or set OUTPOST_LEAD_TOKEN); without one the route is off.")
    var leadTokenFile: String?

    @Option(name: .customLong("webhook-first-retry"), help: "Seconds before a failed webhook delivery is first retried; doubles each time.")
    var webhookFirstRetry = 30.0

    @Option(name: .customLong("webhook-max-retry"), help: "The longest wait, in seconds, between retries of a webhook delivery.")
    var webhookMaxRetry = 3600.0

    @Option(name: .customLong("webhook-give-up-hours"), help: "Hours after its event that a delivery is given up (at least 24).")
    var webhookGiveUpHours = 72.0

    @Option(name: .customLong("webhook-poll"), help: "Seconds between looks at the webhook outbox when nothing is due.")
    var webhookPoll = 1.0

    @Option(name: .customLong("approval-escalation-hours"),
            help: "Hours a quote may await approval before its approving manager gets a task (their manager: twice that).")
    var approvalEscalationHours = 24.0

    @Option(name: .customLong("desk-overdue-hours"), help: "Hours an order may await the desk before /metrics counts it overdue.")
    var deskOverdueHours = 24.0

    @Option(name: .customLong("escalation-interval"), help: "Seconds between escalation scans.")
    var escalationInterval = 60.0

    func validate() throws {
        guard webhookFirstRetry > 0, webhookMaxRetry >= webhookFirstRetry else {
            throw ValidationError("--webhook-first-retry must be positive and at most --webhook-max-retry, e.g. 30 and 3600")
        }
        guard webhookGiveUpHours >= 24 else { throw ValidationError("--webhook-give-up-hours must be at least 24") }
        guard webhookPoll > 0, escalationInterval > 0 else {
            throw ValidationError("--webhook-poll and --escalation-interval must be positive numbers of seconds")
        }
        guard approvalEscalationHours > 0, deskOverdueHours > 0 else {
            throw ValidationError("--approval-escalation-hours and --desk-overdue-hours must be positive, e.g. 24")
        }
    }

    /// The integration of `serve`: its routes and its webhook and escalation services.
    func make(store: SQLiteStore, metrics: ServerMetrics, logger: Logger) throws -> Integration {
        let policy = EscalationPolicy(approvalAfter: .seconds(approvalEscalationHours * 3600), deskAfter: .seconds(deskOverdueHours * 3600))
        let webhooks = WebhookDispatcher(
            store: store,
            policy: WebhookRetryPolicy(firstDelay: .seconds(webhookFirstRetry), maxDelay: .seconds(webhookMaxRetry),
                                       giveUpAfter: .seconds(webhookGiveUpHours * 3600)),
            pollInterval: .seconds(webhookPoll), metrics: metrics, logger: logger)
        let escalations = EscalationScanner(store: store, policy: policy, interval: .seconds(escalationInterval), metrics: metrics,
                                            logger: logger)
        let leadToken = try TokenFile.read(leadTokenFile, orEnvironment: "OUTPOST_LEAD_TOKEN", name: "lead token")
        return Integration(store: store, metrics: metrics, policy: policy, leadToken: leadToken, services: [webhooks, escalations])
    }
}
