/// A failure with a stable code (for scripts, tests and the wire) and a sentence the
/// user or operator can act on. Each module names its own codes and its own error as a
/// specialisation, e.g. `public typealias StoreError = CodedError<StoreErrorCode>`.
public struct CodedError<Codes: Hashable & Sendable>: Error, Hashable, Sendable, CustomStringConvertible {
    /// The module's codes, as `StoreError.Code`.
    public typealias Code = Codes

    /// What kind of failure.
    public let code: Code
    /// A sentence the user can act on.
    public let message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
