/// A text that cannot be read, with the 1-based line to look at, a stable code (for
/// scripts and tests) and a sentence that says what to change. Each reader names its
/// own codes, e.g. `public typealias CSVError = LineError<CSVErrorCode>`.
public struct LineError<Codes: Hashable & Sendable>: Error, Hashable, Sendable, CustomStringConvertible {
    /// The reader's codes, as `CSVError.Code`.
    public typealias Code = Codes

    /// What kind of problem.
    public let code: Code
    /// The 1-based line the problem is on (0: the text as a whole).
    public let line: Int
    /// A sentence that says what is wrong and how to fix it.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, line: Int, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// `line 12: …`, ready for a one-line CLI error.
    public var description: String { "line \(line): \(message)" }
}
