// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting

/// A failure of the server's store, with a message an operator can act on.
public typealias StoreError = CodedError<StoreErrorCode>

/// What went wrong; stable for scripts and tests.
public enum StoreErrorCode: String, Sendable, Hashable {
    /// A record refers to one that does not exist (e.g. a contact's account).
    case missingReference
    /// A unique name or id is taken.
    case duplicate
    /// The record asked for does not exist.
    case notFound
    /// The change would break an invariant (e.g. a territory cycle).
    case invalid
    /// An enrolment code is unknown, used or expired.
    case enrolmentRefused
    /// The database could not be opened, migrated or written.
    case database
}
