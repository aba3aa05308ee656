/// One record of a CSV file: its fields and the physical line it starts on.
public struct CSVRecord: Hashable, Sendable {
    /// The 1-based physical line of the record's first character. A quoted field
    /// that spans lines makes the next record's line jump accordingly.
    public let line: Int
    /// The fields, unquoted, in file order.
    public let fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
