/// Why an import file was refused as a whole; nothing from it was imported.
///
/// Either the file itself is unusable (empty, malformed CSV, wrong header), or one
/// or more rows are bad, in which case ``rows`` lists every bad cell found, up to
/// ``CSVImport/maximumRowErrors``.
///
/// ```swift
/// do { _ = try CSVImport.contacts(from: text) }
/// catch { print(error) }   // "2 rows were rejected; nothing was imported.\nline 7, column email: …"
/// ```
public struct ImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What made the file unusable; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable {
        /// The file has no header row.
        case emptyFile
        /// The file is not well-formed CSV or not UTF-8; see ``ImportError/line``.
        case malformedCSV
        /// The header lacks one or more required columns.
        case missingColumns
        /// The header names columns this kind does not have.
        case unknownColumns
        /// The header names a column twice.
        case duplicateColumns
        /// One or more rows are bad; see ``ImportError/rows``.
        case invalidRows
    }

    /// The stable code of the problem.
    public let code: Code
    /// A one-line summary that says what to do.
    public let message: String
    /// The line of a file-level problem (the header line, or where the CSV breaks), if there is one.
    public let line: Int?
    /// The bad cells and rows, in file order, at most ``CSVImport/maximumRowErrors``; empty for file-level problems.
    public let rows: [RowError]
    /// How many rows were rejected in all, which may exceed the number of entries in ``rows``.
    public let rejectedRowCount: Int

    public init(_ code: Code, line: Int? = nil, _ message: String, rows: [RowError] = [], rejectedRowCount: Int = 0) {
        self.code = code
        self.line = line
        self.message = message
        self.rows = rows
        self.rejectedRowCount = rejectedRowCount
    }

    /// The summary, then one line per bad cell.
    public var description: String {
        var lines = [line.map { "line \($0): \(message)" } ?? message]
        lines += rows.map(\.description)
        let listedRows = Set(rows.map(\.line)).count
        if rejectedRowCount > listedRows {
            lines.append("… and \(rejectedRowCount - listedRows) more rejected rows not listed")
        }
        return lines.joined(separator: "\n")
    }
}
