/// A message that cannot be accepted, with the code the other side is told.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error codes of `Protocol/SPEC.md` §9; their numbers travel on the wire.
    public enum Code: UInt8, Sendable, Hashable, CaseIterable {
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

    /// What went wrong, as a number both sides know.
    public let code: Code
    /// A sentence a user can act on.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
