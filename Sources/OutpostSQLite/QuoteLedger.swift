import GRDB
import OutpostModel
import OutpostStore

/// The quote numbers the hub hands out (`quote_number`). Storage only: the rules
/// are `HubCore`'s.
enum QuoteLedger {
    /// The number given to quote `id`, if any.
    static func number(_ db: Database, of id: EntityID<Quote>) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT number FROM quote_number WHERE quote_id = ?", arguments: [id.sql])
    }

    /// The highest quote number handed out (0: none).
    static func lastNumber(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT MAX(number) FROM quote_number") ?? 0
    }

    /// Stores the number given to quote `id`.
    static func record(_ db: Database, _ id: EntityID<Quote>, number: Int) throws {
        try db.execute(sql: "INSERT INTO quote_number (quote_id, number) VALUES (?, ?)", arguments: [id.sql, number])
    }
}
