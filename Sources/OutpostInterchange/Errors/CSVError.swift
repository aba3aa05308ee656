/// A file that is not well-formed CSV (RFC 4180).
///
/// The ``line`` is the 1-based physical line where the problem starts, so the
/// message can point a person at the spot in a text editor or spreadsheet.
public struct CSVError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of syntax problem was found; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable {
        /// A field opened with `"` is never closed.
        case unterminatedQuote
        /// Something other than a comma or a line break follows a closing `"`.
        case unexpectedCharacterAfterQuote
        /// The bytes are not valid UTF-8.
        case invalidUTF8
    }

    /// The stable code of the problem.
    public let code: Code
    /// The 1-based physical line where the problem starts.
    public let line: Int
    /// A sentence that says what is wrong and how to fix it.
    public let message: String

    public init(_ code: Code, line: Int, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// `line 4: …`.
    public var description: String { "line \(line): \(message)" }
}
