// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting

/// Why a document's content cannot be rebuilt.
public typealias DocumentContentError = CodedError<DocumentContentErrorCode>

/// What is wrong with a document's content.
public enum DocumentContentErrorCode: String, Sendable, Hashable {
    /// A chunk has not been fetched.
    case missingChunk
    /// A chunk or the whole does not match its id.
    case altered
}
