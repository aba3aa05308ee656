/// A message that cannot be accepted, with the code the other side is told.
public struct ProtocolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The error codes of `Protocol/SPEC.md` §3; their numbers travel on the wire.
    public enum Code: UInt8, Sendable, Hashable {
        case truncated = 1
        case unknownVersion = 2
        case unknownMessage = 3
        case oversized = 4
        case malformed = 5
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
