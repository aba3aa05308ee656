// Re-exported: every user of this error reads its code, line and message.
@_exported public import ErrorReporting

/// A DIMACS CNF text that cannot be read, with the line to look at and what to change.
public typealias DIMACSError = LineError<DIMACSErrorCode>

/// What is wrong with the text; stable for scripts and tests.
public enum DIMACSErrorCode: String, Hashable, Sendable {
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
