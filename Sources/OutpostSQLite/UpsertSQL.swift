import Foundation

/// Derives an upsert from a row type's `INSERT INTO table (columns) VALUES (…)`, so
/// each table states its columns once.
enum UpsertSQL {
    /// `insert` plus `ON CONFLICT(id) DO UPDATE SET column = excluded.column, …` for
    /// every column but `id`: the row is updated in place, so rows referring to it
    /// keep their foreign keys (a `REPLACE` would delete it first).
    static func from(_ insert: String) -> String {
        guard let open = insert.firstIndex(of: "("), let close = insert.firstIndex(of: ")") else { return insert }
        let columns = insert[insert.index(after: open)..<close]
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { $0 != "id" }
        return insert + " ON CONFLICT(id) DO UPDATE SET " + columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
    }
}
