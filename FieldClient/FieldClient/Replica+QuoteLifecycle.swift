public import OutpostModel
import OutpostReplication

/// What happens to a quote after it is priced: a manager rejects it with a reason, the
/// rep revises it (a new revision with the same lines) or copies it to another
/// opportunity. Every step is an ordinary replicated write.
extension Replica {
    /// The quotes waiting for a manager's approval in this replica (a manager's replica
    /// holds their territory subtree), oldest number first.
    public func quotesAwaitingApproval() throws(ReplicaError) -> [Quote] {
        try quotes().filter { $0.status == .submitted }
            .sorted { ($0.number ?? .max, $0.id.description) < ($1.number ?? .max, $1.id.description) }
    }

    /// Rejects a submitted quote's discount with a reason for the rep; only a manager may.
    /// - Throws: `.invalid` without a reason, for a rep, or for a quote not awaiting approval.
    @discardableResult
    public func rejectQuote(_ name: String, reason: String) throws(ReplicaError) -> Quote {
        let identity = try identity()
        guard identity.role == Role.manager.rawValue else {
            throw ReplicaError(.invalid, "only a manager can reject a quote; \(identity.userName) is a \(identity.role)")
        }
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw ReplicaError(.invalid, "say why the quote is rejected with --reason TEXT; the rep reads it")
        }
        var quote = try quote(name, in: .submitted, "awaits approval")
        quote.status = .rejected
        quote.rejectionReason = reason
        try write(quote)
        return quote
    }

    /// Makes the next revision of a quote: a draft with the same lines, discounts and
    /// price book, re-priced, valid for `validDays` from `today`; it shares the quote's
    /// number (the server gives it) with the next revision suffix, and an order placed
    /// on it replaces a rejected order of the quote it revises.
    @discardableResult
    public func reviseQuote(_ name: String, validDays: Int = Replica.quoteValidityDays,
                            today: CalendarDay = .deviceToday) throws(ReplicaError) -> Quote {
        let original = try quote(name)
        guard original.status != .draft else {
            throw ReplicaError(.invalid, "quote \(original.id) is still a draft; change it with outpost quote configure or price")
        }
        let latest = try quotes().filter { $0.id == original.id || $0.revisionOf == original.id }.compactMap(\.revision).max()
        var revision = duplicate(original, on: original.opportunityID, today: today, validDays: validDays)
        revision.revision = max(latest ?? 1, original.revision ?? 1) + 1
        revision.revisionOf = original.id
        return try createPriced(revision)
    }

    /// Copies a quote's lines and discounts into a new draft (revision 1), on the same
    /// opportunity or on `opportunity` (an id or short id).
    @discardableResult
    public func copyQuote(_ name: String, opportunity: String? = nil, validDays: Int = Replica.quoteValidityDays,
                          today: CalendarDay = .deviceToday) throws(ReplicaError) -> Quote {
        let original = try quote(name)
        let target: OpportunityID
        if let opportunity {
            let found: Opportunity = try find(opportunity, "opportunity")
            target = found.id
        } else {
            target = original.opportunityID
        }
        return try createPriced(duplicate(original, on: target, today: today, validDays: validDays))
    }

    /// Refuses to let `quote` be `action` once its offer has lapsed.
    func refuseExpired(_ quote: Quote, _ today: CalendarDay, _ action: String) throws(ReplicaError) {
        guard quote.isExpired(on: today), let validUntil = quote.validUntil else { return }
        throw ReplicaError(.invalid, "quote \(quote.label) expired on \(validUntil) and cannot be \(action); make a new revision with outpost quote revise \(quote.id.description.prefix(8))")
    }

    /// A new draft with `quote`'s lines and discounts on `opportunity`.
    private func duplicate(_ quote: Quote, on opportunity: OpportunityID, today: CalendarDay, validDays: Int) -> Quote {
        Quote(opportunityID: opportunity, lines: quote.lines, discountBasisPoints: quote.discountBasisPoints,
              bundleVersion: quote.bundleVersion, discountAmount: quote.discountAmount, priceBookID: quote.priceBookID,
              total: quote.total, revision: 1, validUntil: today.adding(days: validDays))
    }

    /// Creates `quote` re-priced from its book (prices may have changed since the original).
    private func createPriced(_ quote: Quote) throws(ReplicaError) -> Quote {
        var priced = quote
        if !priced.lines.isEmpty {
            let catalog = try catalog()
            try reprice(&priced, with: try pricedBook(priced, catalog), catalog: catalog, save: false)
        }
        try create(priced)
        return priced
    }
}
