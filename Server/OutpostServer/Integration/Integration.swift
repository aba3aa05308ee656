public import OutpostSQLite
public import ServiceLifecycle

/// What connects the server to the rest of the company: `/metrics`, `/readyz`,
/// web-to-lead (`POST /leads`), and the services that deliver order webhooks and
/// escalate waiting quotes. `serve` builds one; ``buildApplication`` adds its routes
/// and runs its services beside the HTTP server.
public struct Integration: Sendable {
    let store: SQLiteStore
    let metrics: ServerMetrics
    let policy: EscalationPolicy
    let leadAccess: LeadWriteAccess?
    let services: [any Service]

    /// The integration over `store`.
    /// - Parameters:
    ///   - leadToken: the token that may `POST /leads` (scope `leads:write`); none: the route is off.
    ///   - services: long-running work to run with the application (webhook delivery, escalations).
    public init(store: SQLiteStore, metrics: ServerMetrics, policy: EscalationPolicy = EscalationPolicy(), leadToken: String?,
                services: [any Service] = []) {
        self.store = store
        self.metrics = metrics
        self.policy = policy
        leadAccess = leadToken.map { LeadWriteAccess(token: BearerToken($0)) }
        self.services = services
    }
}
