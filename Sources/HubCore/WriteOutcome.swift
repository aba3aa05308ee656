/// Why the hub refused a device's write. The raw values are the codes devices know
/// (SPEC.md §5.4).
public enum RefusalCode: UInt8, Sendable, Hashable, CaseIterable {
    /// The record lies outside the device's territories.
    case outOfScope = 1
    /// The record type, or the change, is not the device's to make.
    case readOnly = 2
    /// The record would be invalid (the message names why).
    case invalid = 3
    /// An update or delete of a record the hub does not know.
    case unknownRecord = 4
    /// The write targets a deleted record that was already collected.
    case recordCollected = 5
    /// A create of an id another type already has.
    case idTaken = 6
}

/// What the hub did with one device write, kept until the device has taken it in.
public struct WriteOutcome: Sendable, Hashable {
    /// The write's device counter.
    public var counter: UInt64
    /// Accepted: the hub stamp's counter; or refused, with why.
    public var result: Result

    /// Accepted or refused.
    public enum Result: Sendable, Hashable {
        /// Accepted and stamped `(hub, stamp)`.
        case accepted(stamp: UInt64)
        /// Refused; the device keeps it visible.
        case refused(RefusalCode, String)
    }

    /// Creates an outcome.
    public init(counter: UInt64, result: Result) {
        self.counter = counter
        self.result = result
    }
}

/// The outcomes a device has not taken in yet, and how far its writes are processed.
public struct PushOutcome: Sendable, Hashable {
    /// Every write up to this counter is processed.
    public var appliedThrough: UInt64
    /// The outcomes, ascending by counter.
    public var outcomes: [WriteOutcome]

    /// Creates a push outcome.
    public init(appliedThrough: UInt64, outcomes: [WriteOutcome] = []) {
        self.appliedThrough = appliedThrough
        self.outcomes = outcomes
    }
}
