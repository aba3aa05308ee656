/// One statement of a record's write into the domain tables, in the order a backend
/// runs them: the record's own row, then, on an upsert, its dependent rows cleared and
/// written again (a user's territories, a price book's entries, a forecast's amounts).
public enum RowStatement {
    /// Insert (or upsert) one row.
    case write(TableRow)
    /// Delete the rows of `table` whose `column` holds `value`.
    case clear(table: String, column: String, value: ColumnValue)

    /// The delete's SQL for a backend's placeholders; the table and column are constants of the mapping.
    public static func clearSQL(table: String, column: String, _ placeholders: TableShape.Placeholders) -> String {
        "DELETE FROM \(table) WHERE \(column) = \(placeholders == .numbered ? "$1" : "?")"
    }
}

/// A record kept in a domain table: its columns, named once for both backends.
public protocol DomainRecord {
    /// The record's own table.
    static var shape: TableShape { get }
    /// The statements that write the record at `changeSeq`; with `upsert`, a stored
    /// record with the same id is replaced in place.
    func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement]
}
