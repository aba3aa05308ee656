/// What a delete's author had seen of the record: a version vector plus a few
/// extra dots outside it (a dotted version vector).
///
/// The extra dots are the stamps of the author's *own* earlier writes that the hub
/// stamped after the author's base vector: a device always sees its own pending
/// writes, but cannot name their stamps when it writes offline. Only tombstones keep
/// a context (to tell which field updates were concurrent with the delete); the set
/// of extras is bounded by the number of fields the author itself wrote.
public struct CausalContext: Hashable, Sendable {
    /// The prefix-closed part.
    public var vector: VersionVector
    /// Dots included in addition to `vector`, sorted, none of them inside `vector`.
    public var extras: [Dot]

    /// Creates a context.
    public init(vector: VersionVector = VersionVector(), extras: [Dot] = []) {
        self.vector = vector
        self.extras = extras.filter { !vector.contains($0) }.sorted()
    }

    /// Whether `dot` was seen.
    public func contains(_ dot: Dot) -> Bool {
        vector.contains(dot) || extras.contains(dot)
    }
}
