import GRDB

/// The server-wide monotonic change sequence (the one row of `change_sequence`).
///
/// Every insert or update of a replicated record takes the next value inside its
/// write transaction; `SQLiteStore.changes(since:)` answers "what changed since N".
/// Values are handed out in memory and the row is written once per transaction,
/// which keeps bulk inserts fast; writes are serialized, so values never repeat.
struct ChangeSequence {
    private var last: Int64

    private init(last: Int64) { self.last = last }

    /// Runs `body` with the sequence and stores the last value it handed out.
    static func use<T>(_ db: Database, _ body: (inout ChangeSequence) throws -> T) throws -> T {
        let start = try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM change_sequence WHERE id = 1")) ?? 0
        var sequence = ChangeSequence(last: start)
        let result = try body(&sequence)
        if sequence.last != start {
            try db.execute(sql: "UPDATE change_sequence SET value = ? WHERE id = 1", arguments: [sequence.last])
        }
        return result
    }

    /// The next value of the sequence.
    mutating func next() -> Int64 {
        last += 1
        return last
    }

    /// The last value handed out by any transaction so far.
    static func current(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT value FROM change_sequence WHERE id = 1")) ?? 0
    }
}
