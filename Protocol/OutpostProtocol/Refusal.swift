public import MergeEngine

/// Why the server refused a device's write (SPEC.md §5.4). The write stays visible on
/// the device (`outpost rejected list`) with the code and the message.
public struct Refusal: Hashable, Sendable {
    /// The reason, as a number both sides know.
    public typealias Code = RefusalCode

    /// The refused write's device counter.
    public var counter: UInt64
    /// Why.
    public var code: Code
    /// A sentence the rep can act on.
    public var message: String

    /// Creates a refusal.
    public init(counter: UInt64, code: Code, message: String) {
        self.counter = counter
        self.code = code
        self.message = message
    }
}
