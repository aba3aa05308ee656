/// Why the server refused a device's write (SPEC.md §5.4). The write stays visible on
/// the device (`outpost rejected list`) with the code and the message.
public struct Refusal: Hashable, Sendable {
    /// The reason, as a number both sides know.
    public enum Code: UInt8, Hashable, Sendable, CaseIterable {
        /// The record lies outside the device's territories.
        case outOfScope = 1
        /// The record type is read-only on devices (catalog, price books, users, territories).
        case readOnly = 2
        /// The record would fail validation (the message names the field).
        case invalid = 3
        /// An update or delete of a record the server does not know.
        case unknownRecord = 4
        /// The write targets a deleted record that was already collected.
        case recordCollected = 5
        /// A create of a record id that already exists with another type.
        case idTaken = 6
    }

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
