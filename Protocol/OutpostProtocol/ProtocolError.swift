// Re-exported: every user of this error reads its code and message.
@_exported public import ErrorReporting

/// A message that cannot be accepted, with the code the other side is told.
public typealias ProtocolError = CodedError<ProtocolErrorCode>

/// The error codes of `Protocol/SPEC.md` §9; their numbers travel on the wire.
public enum ProtocolErrorCode: UInt8, Sendable, Hashable, CaseIterable {
    /// The message ends early.
    case truncated = 1
    /// The version byte is not one this build speaks.
    case unknownVersion = 2
    /// The message kind is unknown.
    case unknownMessage = 3
    /// The message exceeds a size limit.
    case oversized = 4
    /// Anything else that does not parse (bad tags, trailing bytes, bad UTF-8).
    case malformed = 5
    /// The device number is not enrolled at this server.
    case unknownDevice = 6
    /// The message failed authentication (wrong key or tampered bytes).
    case authenticationFailed = 7
    /// The request counter was already used: a replay.
    case replayed = 8
    /// The enrolment code is unknown, used or expired.
    case enrolmentRefused = 9
    /// Too many requests from this device; retry later.
    case rateLimited = 10
    /// The server failed; nothing was applied, retry later.
    case unavailable = 11
}

extension ProtocolError {
    /// The one refusal a server sends, byte for byte the same, to every sync request
    /// it has not authenticated as a new request of an enrolled device: an unknown
    /// device number, a body that does not open, a replayed counter. Telling these
    /// apart would tell a stranger which device numbers exist and how far each has
    /// counted; the server keeps the precise reason in its log.
    public static var unauthenticated: ProtocolError {
        ProtocolError(.authenticationFailed, "the server could not authenticate this request and applied nothing; if this device was restored, "
            + "revoked or enrolled at another server, ask an admin, or enrol it again with outpost enrol")
    }

    /// Whether this error is one the server answers with ``unauthenticated`` instead.
    public var refusesUnauthenticated: Bool {
        code == .unknownDevice || code == .authenticationFailed || code == .replayed
    }
}
