import GRDB

extension Database {
    /// Runs `body` with a page cache of `kiB` kibibytes, then gives the connection back
    /// the cache it had (SQLite's `cache_size`).
    func withPageCache<T>(kiB: Int, _ body: () throws -> T) throws -> T {
        let cache = try Int.fetchOne(self, sql: "PRAGMA cache_size") ?? -2000
        try execute(sql: "PRAGMA cache_size = -\(kiB)")
        defer { try? execute(sql: "PRAGMA cache_size = \(cache)") }
        return try body()
    }
}
