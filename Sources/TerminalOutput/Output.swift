public import Foundation

/// How both command-line tools print: aligned tables for people, JSON for scripts,
/// one-line status messages on standard error.
public enum Output {
    /// Prints `value` as pretty, key-sorted JSON on standard output.
    public static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        print(String(decoding: data, as: UTF8.self))
    }

    /// `value` as one line of compact, key-sorted JSON (for feeds: one object a line).
    public static func jsonLine(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// Writes `line` and a line feed to standard output at once (unbuffered, for live feeds).
    public static func feed(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Prints a table whose columns are as wide as their widest cell, each cell
    /// cut to `maxCellWidth` with an ellipsis so rows fit an 80-column terminal.
    public static func table(_ headers: [String], _ rows: [[String]], maxCellWidth: Int = 36) {
        let clip: (String) -> String = { $0.count <= maxCellWidth ? $0 : String($0.prefix(maxCellWidth - 1)) + "…" }
        let cells = ([headers] + rows).map { $0.map(clip) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in cells {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        var text = ""
        for row in cells {
            let padded = row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            text += padded.joined(separator: "  ") + "\n"
        }
        print(text, terminator: "")
    }

    /// Prints a table no wider than `width` columns: while it is too wide, the widest
    /// column loses a character (down to 6), its cells cut with an ellipsis.
    public static func table(_ headers: [String], _ rows: [[String]], fitting width: Int) {
        var widths = headers.indices.map { column in ([headers] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        while widths.reduce(0, +) + 2 * (widths.count - 1) > width, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
              widths[widest] > 6 {
            widths[widest] -= 1
        }
        let clip: (String, Int) -> String = { text, limit in text.count <= limit ? text : String(text.prefix(limit - 1)) + "…" }
        let fitted = ([headers] + rows).map { row in row.enumerated().map { clip($1, widths[min($0, widths.count - 1)]) } }
        table(fitted[0], Array(fitted.dropFirst()), maxCellWidth: widths.max() ?? 0)
    }

    /// How a list's table fits the terminal.
    public enum Fit: Sendable {
        /// Each cell cut to this many characters.
        case cells(Int)
        /// The whole table no wider than this many columns.
        case width(Int)
    }

    /// Prints the rows a list command found: with `json` as a JSON array; else `empty`
    /// (when given) if there are none, or a table of `headers` with the `cells` of each
    /// row, fitted by `fit`, and `footer` (when given) under it.
    public static func list<Row: Encodable>(_ rows: [Row], json: Bool, headers: [String], fit: Fit = .cells(36),
                                            empty: String? = nil, footer: String? = nil, cells: (Row) -> [String]) throws {
        if json { return try Output.json(rows) }
        if rows.isEmpty, let empty { return print(empty) }
        switch fit {
        case .cells(let width): table(headers, rows.map(cells), maxCellWidth: width)
        case .width(let width): table(headers, rows.map(cells), fitting: width)
        }
        if let footer, !rows.isEmpty { print(footer) }
    }

    /// Writes a one-line progress or status message to standard error.
    public static func status(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
