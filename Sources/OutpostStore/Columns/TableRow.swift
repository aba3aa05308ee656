/// One row a record writes into a domain table, with what an error message says about it
/// (worked out only when a write fails: bulk writes make hundreds of thousands of rows).
public struct TableRow {
    /// The table and its columns.
    public let shape: TableShape
    /// The values of ``TableShape/writes``, in order.
    public let values: [ColumnValue]
    /// Whether a stored row with the same key is updated in place instead of refused.
    public var upsert: Bool
    /// What the row is, for errors.
    public let describe: () -> RowDescription

    public init(_ shape: TableShape, _ values: [ColumnValue], upsert: Bool = false,
                _ describe: @escaping () -> RowDescription) {
        self.shape = shape
        self.values = values
        self.upsert = upsert
        self.describe = describe
    }

    /// The row's SQL for a backend's placeholders.
    public func sql(_ placeholders: TableShape.Placeholders) -> String { shape.insertSQL(upsert: upsert, placeholders) }
}

/// What a written row is, for error messages: `contact 3f2b…`, the records it refers
/// to, and its secondary unique key. Both backends explain a constraint failure with it.
public struct RowDescription: Sendable {
    /// `account`, `contact`, …
    public let kind: String
    /// The row's id as text.
    public let id: String
    /// The records the row refers to.
    public let references: [RowReference]
    /// Describes the row's secondary unique key (e.g. `name "Bavaria"`).
    public let uniqueKey: String?

    public init(kind: String, id: String, references: [RowReference] = [], uniqueKey: String? = nil) {
        self.kind = kind
        self.id = id
        self.references = references
        self.uniqueKey = uniqueKey
    }
}

/// A reference from a row to another record: the column, how people call the record
/// (`parent territory`), its table, and the id it holds (`nil`: not set).
public struct RowReference: Sendable {
    public let column: String
    public let label: String
    public let table: String
    public let id: String?

    public init(_ column: String, _ label: String, table: String, id: String?) {
        self.column = column
        self.label = label
        self.table = table
        self.id = id
    }
}
