public import ByteCoding

/// Bytes that are not a stored record state: where and what is wrong.
public struct StateCodingError: ByteReadFailure, Equatable, CustomStringConvertible {
    /// What is wrong, and at which byte.
    public let message: String

    public static func truncated(_ message: String) -> StateCodingError { StateCodingError(message: "truncated: " + message) }
    public static func malformed(_ message: String) -> StateCodingError { StateCodingError(message: message) }

    public var description: String { message }
}
