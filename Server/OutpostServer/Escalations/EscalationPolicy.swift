/// How long work may wait before the server escalates it: a quote awaiting approval
/// (`approvalAfter`, then its approver's manager after twice that) and an order
/// awaiting the desk (`deskAfter`, flagged in `/metrics`).
public struct EscalationPolicy: Sendable, Equatable {
    public var approvalAfter: Duration
    public var deskAfter: Duration

    /// The policy; both times default to 24 hours.
    public init(approvalAfter: Duration = .seconds(24 * 3600), deskAfter: Duration = .seconds(24 * 3600)) {
        self.approvalAfter = approvalAfter
        self.deskAfter = deskAfter
    }
}
