/// A DIMACS CNF text that cannot be read, with the line to look at and what to change.
public struct DIMACSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong with the text; stable for scripts and tests.
    public enum Code: String, Hashable, Sendable {
        /// No `p cnf VARIABLES CLAUSES` line before the first clause, or none at all.
        case missingHeader
        /// A second `p` line.
        case duplicateHeader
        /// A `p` line that is not `p cnf` followed by two non-negative integers.
        case malformedHeader
        /// A clause token that is not an integer.
        case nonNumericToken
        /// A literal whose variable is above the header's variable count.
        case literalOutOfRange
        /// The last clause is not closed by `0`.
        case unterminatedClause
        /// The number of clauses differs from the header's count.
        case clauseCountMismatch
        /// A `c N NAME` comment names a variable above the header's variable count.
        case nameOutOfRange
        /// Two `c N NAME` comments name the same variable.
        case duplicateName
    }

    /// The stable code of the problem.
    public let code: Code
    /// The 1-based line of the text the problem is on.
    public let line: Int
    /// A sentence that says what is wrong and how to fix it.
    public let message: String

    public init(_ code: Code, line: Int, _ message: String) {
        self.code = code
        self.line = line
        self.message = message
    }

    /// `line 12: …`, ready for a one-line CLI error.
    public var description: String { "line \(line): \(message)" }
}
