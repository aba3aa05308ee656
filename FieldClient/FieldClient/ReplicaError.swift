// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting

/// A failure of a field-client operation, with a message the user can act on.
public typealias ReplicaError = CodedError<ReplicaErrorCode>

/// What kind of failure.
public enum ReplicaErrorCode: String, Sendable, Hashable {
    /// No replica here yet: enrol first.
    case notEnrolled
    /// A replica exists already where enrolment would create one.
    case alreadyEnrolled
    /// The record is unknown in this replica.
    case notFound
    /// The requested change is not valid.
    case invalid
    /// The server refused the exchange (its reason is in the message).
    case refused
    /// The link failed; progress up to the last whole frame is kept.
    case transport
    /// The replica file is unreadable or was altered.
    case corrupt
    /// Another `outpost` command holds the replica database; nothing was changed, try again.
    case busy
    /// The replica file cannot be read or written (permissions, a full or failing disk).
    case storage
    /// The device was revoked; the replica has been wiped.
    case revoked
    /// The replica is encrypted and no passphrase or key file was given (and no
    /// unexpired `outpost unlock` is in force).
    case locked
    /// The passphrase or key file given does not open this replica; nothing was changed.
    case wrongKey
    /// The catalog records of a product do not match the server's signed bundle
    /// (or it is missing): nothing is configured or priced from them.
    case untrustedCatalog
}
