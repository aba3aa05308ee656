// Re-exported: every user of this error reads its code, line and message.
@_exported public import ErrorReporting

/// A file that is not well-formed CSV (RFC 4180). The line is the 1-based physical
/// line where the problem starts, so a person finds the spot in a text editor or
/// spreadsheet.
public typealias CSVError = LineError<CSVErrorCode>

/// What kind of syntax problem was found; stable for scripts and tests.
public enum CSVErrorCode: String, Hashable, Sendable {
    /// A field opened with `"` is never closed.
    case unterminatedQuote
    /// Something other than a comma or a line break follows a closing `"`.
    case unexpectedCharacterAfterQuote
    /// The bytes are not valid UTF-8.
    case invalidUTF8
}
