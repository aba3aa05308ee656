/// How an import treats a column.
enum ColumnRule: Sendable, Hashable {
    /// The header must have the column and every row a non-empty cell.
    case required
    /// The column may be left out of the header; an empty cell means "no value".
    case optional
    /// Like `optional`, but an empty cell means "make up a new id".
    case generated
}

/// One column of a kind's CSV layout: its header name, its import rule, and how
/// a record renders into it on export. Parsing lives in the kind's `decode`,
/// which reads cells by these names.
struct Column<Record>: Sendable {
    let name: String
    let rule: ColumnRule
    let format: @Sendable (Record) -> String

    init(_ name: String, _ rule: ColumnRule = .optional, format: @escaping @Sendable (Record) -> String) {
        self.name = name
        self.rule = rule
        self.format = format
    }
}
