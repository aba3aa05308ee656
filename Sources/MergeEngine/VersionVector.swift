/// A version vector over *stamping* replicas (in practice: the hub, one entry).
///
/// `vector[r] == n` means "every event of replica `r` up to `n` is included". Devices
/// never appear here: their writes are re-stamped by the hub, which is what keeps a
/// record's causal metadata independent of how many devices ever wrote it.
///
/// Stored as a small array sorted by replica id; typical size is one.
public struct VersionVector: Hashable, Sendable, CustomStringConvertible {
    /// Entries sorted by replica; each dot is the highest included counter of its replica.
    public private(set) var entries: [Dot]

    /// The empty vector (nothing seen).
    public init() { entries = [] }

    /// A vector holding the given entries (duplicates keep the maximum).
    public init(_ dots: some Sequence<Dot>) {
        entries = []
        for dot in dots { add(dot) }
    }

    /// Whether no event is included.
    public var isEmpty: Bool { entries.isEmpty }

    /// The highest included counter of `replica` (0 if none).
    public subscript(replica: ReplicaID) -> UInt64 {
        for entry in entries where entry.replica == replica { return entry.counter }
        return 0
    }

    /// Whether `dot` is included, i.e. `self[dot.replica] >= dot.counter`.
    @inlinable public func contains(_ dot: Dot) -> Bool {
        for entry in entries where entry.replica == dot.replica { return entry.counter >= dot.counter }
        return false
    }

    /// Includes `dot` (and, by the prefix property, every earlier event of its replica).
    public mutating func add(_ dot: Dot) {
        for index in entries.indices where entries[index].replica >= dot.replica {
            if entries[index].replica == dot.replica {
                if entries[index].counter < dot.counter { entries[index].counter = dot.counter }
            } else {
                entries.insert(dot, at: index)
            }
            return
        }
        entries.append(dot)
    }

    /// Pointwise maximum with `other`.
    public mutating func formUnion(_ other: VersionVector) {
        if entries == other.entries { return }
        for dot in other.entries { add(dot) }
    }

    /// Pointwise maximum of `self` and `other`.
    public func union(_ other: VersionVector) -> VersionVector {
        var copy = self
        copy.formUnion(other)
        return copy
    }

    /// Whether every event included in `other` is included in `self`.
    public func includes(_ other: VersionVector) -> Bool {
        other.entries.allSatisfy(contains)
    }

    public var description: String { "[" + entries.map(\.description).joined(separator: ",") + "]" }
}
