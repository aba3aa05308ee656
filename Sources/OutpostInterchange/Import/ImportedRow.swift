/// One good row of an import file: the record it gives, where it is, and whether the
/// file gave its id (a blank id made up a new one).
public struct ImportedRow<Record: Hashable & Sendable>: Hashable, Sendable {
    /// The 1-based physical line where the row starts.
    public let line: Int
    public let record: Record
    /// Whether the row's `id` cell held an id.
    public let givenID: Bool
}

/// A whole import file, checked: its records in file order with their lines and
/// whether each had an id, ready for ``ImportPlanner``.
public struct ImportedFile: Hashable, Sendable {
    /// The records, in file order.
    public let records: InterchangeRecords
    /// The line of each record.
    public let lines: [Int]
    /// Whether the file gave each record's id.
    public let givenIDs: [Bool]

    init<Record>(_ rows: [ImportedRow<Record>], _ wrap: ([Record]) -> InterchangeRecords) {
        records = wrap(rows.map(\.record))
        lines = rows.map(\.line)
        givenIDs = rows.map(\.givenID)
    }
}
