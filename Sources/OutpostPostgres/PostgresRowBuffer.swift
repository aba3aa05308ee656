import OutpostStore
import PostgresNIO

/// Rows of one table held back and written together as one multi-row insert, so that a
/// bulk write (the demo company, an import) takes a round trip per few hundred rows
/// instead of one per row.
///
/// A constraint failure rolls the statement back to a savepoint and writes its rows one
/// at a time, so the error names the row that breaks the constraint.
struct PostgresRowBuffer {
    /// Rows per statement: 500 rows of the widest table bind 6,500 values, far below
    /// PostgreSQL's 65,535.
    static let rowsPerStatement = 500

    private var rows: [TableRow] = []
    /// The keys of held upserts: a key twice in one statement is an error, so a repeat flushes first.
    private var keys: Set<ColumnValue> = []

    /// Whether a row with this key is held.
    func holds(_ key: ColumnValue) -> Bool { keys.contains(key) }

    /// Holds `row`, writing what is held first when `row` goes to another table, the
    /// statement is full, or an upsert repeats a held key.
    mutating func append(_ row: TableRow, _ connection: BlockingConnection) throws {
        if let first = rows.first, first.shape.table != row.shape.table || first.upsert != row.upsert
            || rows.count == Self.rowsPerStatement || (row.upsert && keys.contains(row.values[0])) {
            try flush(connection)
        }
        rows.append(row)
        if row.upsert { keys.insert(row.values[0]) }
    }

    /// Writes every held row.
    mutating func flush(_ connection: BlockingConnection) throws {
        guard let first = rows.first else { return }
        let held = rows
        rows = []
        keys = []
        guard held.count > 1 else { return try connection.write([.write(first)]) }
        var binds = PostgresBindings(capacity: held.count * first.values.count)
        for row in held { for value in row.values { binds.append(value) } }
        try connection.run("SAVEPOINT bulk_rows")
        do {
            try connection.run(PostgresQuery(unsafeSQL: first.shape.insertSQL(rows: held.count, upsert: first.upsert), binds: binds))
            try connection.run("RELEASE SAVEPOINT bulk_rows")
        } catch let error as PSQLError where error.serverInfo?[.sqlState]?.hasPrefix("23") == true {
            try connection.run("ROLLBACK TO SAVEPOINT bulk_rows")
            try connection.write(held.map { .write($0) })
        }
    }
}
