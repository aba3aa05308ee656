import MergeEngine
import OutpostModel
import OutpostReplication

/// The hub's rules for quote numbers: a device never writes a quote's number; the
/// first time the hub receives a quote it gives it the next number (`Q-000123`), or,
/// for a revision, the number of the quote it revises, as a hub write just after the
/// device's, so the number reaches the rep at the next sync. Offline the quote shows
/// as provisional.
enum QuoteRules {
    /// The refusal of a device write that sets or changes a quote's number.
    static func refusal(before: Quote?, after: Quote) -> WriteOutcome.Result? {
        guard after.number != before?.number else { return nil }
        return .refused(.invalid, "the server numbers quotes; leave the number of quote \(after.id) empty")
    }

    /// Numbers `quote` if the hub has not yet: a hub write of the number at the next
    /// sequence value.
    static func number(_ quote: Quote, time: WallClock, in ledger: some LedgerTransaction) throws {
        guard quote.number == nil, try ledger.quoteNumber(quote.id) == nil else { return }
        let revised = try quote.revisionOf.flatMap { try ledger.quoteNumber($0) }
        let number = try revised ?? ledger.lastQuoteNumber() + 1
        try ledger.recordQuoteNumber(quote.id, number: number)
        var numbered = quote
        numbered.number = number
        try ledger.writeAsHub(numbered, stamp: try ledger.nextSequence(), time: time)
    }
}
