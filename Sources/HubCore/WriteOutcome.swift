public import MergeEngine

/// What makes one device write that write and no other: a digest of all its content
/// (record, operation, context, time and values). A device restored from an older copy
/// of its replica numbers its new writes with counters the hub has already processed;
/// the identity tells such a write apart from the one the hub processed under that
/// counter, so an outcome is only ever given to the write it belongs to.
public struct WriteIdentity: Sendable, Hashable {
    /// The digest bytes.
    public var digest: [UInt8]

    /// Creates an identity from a digest of the write's bytes.
    public init(digest: [UInt8]) {
        self.digest = digest
    }
}

/// What the hub did with one device write, kept until the device has taken it in.
public struct WriteOutcome: Sendable, Hashable {
    /// The write's device counter.
    public var counter: UInt64
    /// Accepted: the hub stamp's counter; or refused, with why.
    public var result: Result
    /// The identity of the write this outcome belongs to; `nil` when unknown (an
    /// outcome stored before identities were kept), which matches any write.
    public var identity: WriteIdentity?

    /// Accepted or refused.
    public enum Result: Sendable, Hashable {
        /// Accepted and stamped `(hub, stamp)`.
        case accepted(stamp: UInt64)
        /// Refused; the device keeps it visible.
        case refused(RefusalCode, String)
    }

    /// Creates an outcome.
    public init(counter: UInt64, result: Result, identity: WriteIdentity? = nil) {
        self.counter = counter
        self.result = result
        self.identity = identity
    }

    /// Whether this outcome belongs to the write with `identity` (`nil`: not known).
    public func belongs(to identity: WriteIdentity?) -> Bool {
        guard let mine = self.identity, let identity else { return true }
        return mine == identity
    }
}

/// The outcomes a device has not taken in yet, and how far its writes are processed.
public struct PushOutcome: Sendable, Hashable {
    /// Every write up to this counter is processed.
    public var appliedThrough: UInt64
    /// The outcomes, ascending by counter.
    public var outcomes: [WriteOutcome]
    /// The request's writes from this counter on are not the ones the hub processed
    /// under their counters (the device was restored from an older copy of its
    /// replica): none was applied; the device numbers them again after
    /// ``appliedThrough`` and sends them again.
    public var renumberFrom: UInt64?

    /// Creates a push outcome.
    public init(appliedThrough: UInt64, outcomes: [WriteOutcome] = [], renumberFrom: UInt64? = nil) {
        self.appliedThrough = appliedThrough
        self.outcomes = outcomes
        self.renumberFrom = renumberFrom
    }
}
