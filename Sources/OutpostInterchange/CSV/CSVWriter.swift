/// Writes RFC 4180 CSV text.
///
/// A field is quoted only when it must be: when it holds a comma, a quote, a
/// carriage return or a line feed (quotes inside are doubled). A record that is a
/// single empty field is written as `""` so that a reader does not take it for a
/// blank line. Every record, the last included, ends with LF.
///
/// ```swift
/// CSVWriter.text(header: ["name", "city"], rows: [["Acme, Inc.", "Berlin"]])
/// // "name,city\n\"Acme, Inc.\",Berlin\n"
/// ```
public enum CSVWriter {
    /// Renders a header row followed by data rows.
    /// - Parameters:
    ///   - header: the column names, written first.
    ///   - rows: the data rows, each in header order.
    /// - Returns: the CSV text, LF line endings, no byte-order mark.
    public static func text(header: [String], rows: [[String]]) -> String {
        var output = record(header)
        for row in rows { output += record(row) }
        return output
    }

    /// Renders one record with its terminating LF.
    public static func record(_ fields: [String]) -> String {
        if fields.count == 1, fields[0].isEmpty { return "\"\"\n" }
        return fields.map(field).joined(separator: ",") + "\n"
    }

    /// Renders one field, quoted only when needed.
    public static func field(_ value: String) -> String {
        let needsQuotes = value.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"")
            || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }
        guard needsQuotes else { return value }
        return "\"" + value.replacingQuotes() + "\""
    }
}

extension String {
    /// The string with every `"` doubled.
    fileprivate func replacingQuotes() -> String {
        var result = ""
        result.reserveCapacity(utf8.count + 2)
        for scalar in unicodeScalars {
            if scalar == "\"" { result.unicodeScalars.append(scalar) }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
