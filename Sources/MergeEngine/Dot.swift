/// A single event: the `counter`-th event stamped by `replica`.
///
/// Stamps given by the hub are dots `(hub, n)` where `n` is the hub's global
/// acceptance counter. A device's pending write also carries a dot
/// `(device, deviceCounter)`, used by the hub to apply each device write exactly once.
///
/// Dots are totally ordered by `(counter, replica)`. For hub stamps this is the hub's
/// acceptance order, which is the deterministic tie-break between concurrent writes.
public struct Dot: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The replica that produced the event.
    public var replica: ReplicaID
    /// The replica-local sequence number, starting at 1.
    public var counter: UInt64

    /// Creates a dot.
    public init(replica: ReplicaID, counter: UInt64) {
        self.replica = replica
        self.counter = counter
    }

    public static func < (lhs: Dot, rhs: Dot) -> Bool {
        lhs.counter != rhs.counter ? lhs.counter < rhs.counter : lhs.replica < rhs.replica
    }

    public var description: String { "(\(replica),\(counter))" }
}
