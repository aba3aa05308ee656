/// A failure of the server's store, with a message an operator can act on.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong; stable for scripts and tests.
    public enum Code: String, Sendable, Hashable {
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

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
