import GRDB
import OutpostModel
import OutpostStore

extension Database {
    /// Runs a cached query and decodes every row.
    func fetch<T>(_ sql: String, _ arguments: StatementArguments = [],
                  _ decode: (Row) throws(StoreError) -> T) throws -> [T] {
        var result: [T] = []
        let rows = try Row.fetchCursor(cachedStatement(sql: sql), arguments: arguments)
        while let row = try rows.next() { result.append(try decode(row)) }
        return result
    }
}

/// Builds the `WHERE` clause of a query filtered by an optional set of ids.
///
/// The set is passed as one JSON array argument and expanded with `json_each`, so
/// one cached statement serves any number of ids (no SQLite variable limit).
struct IDFilter {
    let clause: String
    let arguments: StatementArguments

    init<Entity>(_ column: String, _ ids: Set<EntityID<Entity>>?) {
        guard let ids else {
            clause = ""
            arguments = []
            return
        }
        clause = " WHERE \(column) IN (SELECT value FROM json_each(?))"
        // Lower-case UUIDs need no JSON escaping.
        arguments = ["[" + ids.map { "\"\($0.sql)\"" }.joined(separator: ",") + "]"]
    }
}
