import GRDB
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostStore

/// The hub's rules for quote numbers, applied inside the push transaction: a device
/// never writes a quote's number; the first time the server receives a quote it gives
/// it the next number (`Q-000123`), or, for a revision, the number of the quote it
/// revises, as a hub write just after the device's, so the number reaches the rep at
/// the next sync. Offline the quote shows as provisional.
enum QuoteLedger {
    /// Refuses a device write that sets or changes a quote's number.
    static func review(before: Quote?, after: Quote) -> PushProcessor.Refused? {
        guard after.number != before?.number else { return nil }
        return .init(.invalid, "the server numbers quotes; leave the number of quote \(after.id) empty")
    }

    /// Numbers `quote` if the server has not yet: a hub write of the number at `followUp()`.
    static func number(_ db: Database, _ quote: Quote, followUp: () -> Int64, time: WallClock) throws {
        guard quote.number == nil,
              try Int.fetchOne(db, sql: "SELECT number FROM quote_number WHERE quote_id = ?", arguments: [quote.id.sql]) == nil
        else { return }
        let revised = try quote.revisionOf.flatMap { id in
            try Int.fetchOne(db, sql: "SELECT number FROM quote_number WHERE quote_id = ?", arguments: [id.sql])
        }
        let number = try revised ?? ((Int.fetchOne(db, sql: "SELECT MAX(number) FROM quote_number") ?? 0) + 1)
        try db.execute(sql: "INSERT INTO quote_number (quote_id, number) VALUES (?, ?)", arguments: [quote.id.sql, number])
        var numbered = quote
        numbered.number = number
        try ReplicaTable.recordHubWrite(db, numbered, seq: followUp(), time: time)
    }
}
