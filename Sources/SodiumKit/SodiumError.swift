/// A failure reported by libsodium.
public struct SodiumError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What failed; stable for scripts and tests.
    public enum Code: String, Sendable, Hashable {
        /// `sodium_init` failed: the process cannot use cryptography at all.
        case unavailable
        /// A key, nonce or output length is outside what the primitive accepts.
        case badLength
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
