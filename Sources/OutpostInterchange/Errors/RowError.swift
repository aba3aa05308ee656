/// One rejected cell or row of an import file.
///
/// The ``description`` reads like
/// `line 7, column email: must be an e-mail address such as name@example.com (got "ana@")`,
/// so a person can find the cell in a spreadsheet and fix it.
public struct RowError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule the row broke; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable {
        /// The row has more or fewer cells than the header has columns.
        case cellCount
        /// A required cell is empty.
        case required
        /// A cell does not have the expected shape (UUID, number, date, e-mail, stage, …).
        case badFormat
        /// A value is longer than the field allows.
        case tooLong
        /// A number or date lies outside the allowed range.
        case outOfRange
        /// Values that are fine alone contradict each other (e.g. probability and stage).
        case inconsistent
        /// The row's id already appeared on an earlier line of the same file.
        case duplicateID
        /// The row refers to a territory, account or user that does not exist.
        case unknownReference
        /// The row has no id and looks like a stored record or an earlier row.
        case likelyDuplicate
    }

    /// The stable code of the broken rule.
    public let code: Code
    /// The 1-based physical line where the row starts.
    public let line: Int
    /// The CSV column (header name) of the offending cell, or `""` when the row as a whole is wrong.
    public let column: String
    /// A sentence that says what is wrong and what a valid value looks like.
    public let reason: String

    public init(_ code: Code, line: Int, column: String, _ reason: String) {
        self.code = code
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// `line 7, column email: …`, or `line 7: …` for a row-level problem.
    public var description: String {
        column.isEmpty ? "line \(line): \(reason)" : "line \(line), column \(column): \(reason)"
    }
}
