extension OrderStatus {
    /// The states the order desk may move an order in this state to:
    /// submitted → accepted | rejected, accepted → fulfilled; rejected and fulfilled are final.
    public var nextStates: [OrderStatus] {
        switch self {
        case .submitted: [.accepted, .rejected]
        case .accepted: [.fulfilled]
        case .rejected, .fulfilled: []
        }
    }

    /// Checks that the desk may move an order from this state to `next`.
    /// - Throws: `ValidationError` (`.inconsistent`) naming the allowed moves.
    public func checkMove(to next: OrderStatus) throws(ValidationError) {
        guard nextStates.contains(next) else {
            let allowed = nextStates.isEmpty ? "none, it is final" : nextStates.map(\.rawValue).joined(separator: " or ")
            throw ValidationError(.inconsistent, field: "status",
                                  "an order cannot go from \(rawValue) to \(next.rawValue) (allowed: \(allowed))")
        }
    }
}
