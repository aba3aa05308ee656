/// The replicated state of one record: a causal context plus per-field sets of
/// non-dominated entries (a map of multi-value registers with a shared context).
///
/// Causal metadata = `context` (one entry per stamping hub, normally one) plus one
/// stamp and origin per surviving entry. It does not grow with the number of devices
/// that ever wrote the record: devices' dots are replaced by hub stamps on acceptance.
///
/// `context` is prefix-closed per hub: a state whose context holds `(hub, n)` reflects
/// every write to this record the hub stamped up to `n`. That is what lets
/// ``join(_:)`` drop an entry present on one side only when the other side has seen
/// it — it was superseded there.
public struct RecordState: Hashable, Sendable {
    /// The record.
    public let id: RecordID
    /// Its type (selects the delete policy).
    public internal(set) var type: RecordTypeID
    /// Every hub stamp reflected in this state.
    public internal(set) var context: VersionVector
    /// Concurrent create/restore/delete assertions, ascending by stamp.
    public internal(set) var existence: [ExistenceEntry]
    /// Fields that have at least one entry, ascending by field id.
    public internal(set) var fields: [FieldSlot]

    /// An empty state of a record (nothing written yet).
    public init(id: RecordID, type: RecordTypeID) {
        self.id = id
        self.type = type
        self.context = VersionVector()
        self.existence = []
        self.fields = []
    }

    /// The siblings of `field` (ascending by stamp; the last one wins), or `[]`.
    public func siblings(of field: FieldID) -> [FieldEntry] {
        guard let index = slotIndex(field) else { return [] }
        return fields[index].siblings
    }

    /// The highest counter of `hub` reflected here: compare it with a device's
    /// watermark to decide whether the record changed since.
    public func counter(of hub: ReplicaID) -> UInt64 { context[hub] }

    /// The tombstones among the existence entries.
    public var tombstones: [ExistenceEntry] { existence.filter(\.isTombstone) }

    // MARK: Applying a write

    /// Applies `write` under `stamp`: every entry the write supersedes (its author had
    /// seen it, or wrote it) is removed from the touched fields (or from the existence
    /// entries for create/restore/delete), then the new entries are added.
    ///
    /// The hub calls this with a fresh hub dot; a device calls it with a provisional
    /// dot to show its pending writes locally.
    public mutating func apply(_ write: Write, stamp: Dot) {
        let origin = write.dot.replica
        switch write.operation {
        case .create(let type, _):
            if existence.isEmpty && fields.isEmpty { self.type = type }
            assertExistence(.alive, write: write, stamp: stamp)
        case .restore:
            assertExistence(.alive, write: write, stamp: stamp)
        case .update:
            break
        case .delete:
            var extras: [Dot] = []
            for slot in fields {
                for entry in slot.siblings where entry.origin == origin && !write.context.contains(entry.stamp) {
                    extras.append(entry.stamp)
                }
            }
            for entry in existence where entry.origin == origin && !write.context.contains(entry.stamp) {
                extras.append(entry.stamp)
            }
            assertExistence(.deleted(seen: CausalContext(vector: write.context, extras: extras)), write: write, stamp: stamp)
        }
        for (field, value) in write.operation.fields.sorted(by: { $0.key < $1.key }) {
            let entry = FieldEntry(stamp: stamp, origin: origin, value: value, time: write.time)
            if let index = slotIndex(field) {
                fields[index].siblings.removeAll { write.supersedes($0) }
                insertSorted(entry, into: &fields[index].siblings)
            } else {
                fields.insert(FieldSlot(id: field, siblings: [entry]), at: insertionIndex(field))
            }
        }
        context.add(stamp)
    }

    private mutating func assertExistence(_ kind: ExistenceEntry.Kind, write: Write, stamp: Dot) {
        existence.removeAll { write.supersedes($0) }
        insertSorted(ExistenceEntry(stamp: stamp, origin: write.dot.replica, kind: kind, time: write.time), into: &existence)
    }

    // MARK: Join

    /// Merges `other` into `self`: per field (and for existence entries), keep entries
    /// present on both sides, plus entries present on one side that the other side has
    /// not seen; contexts are united. Commutative, associative and idempotent.
    ///
    /// - Throws: ``MergeError/recordMismatch(_:_:)`` if the states belong to different records.
    public mutating func join(_ other: RecordState) throws(MergeError) {
        guard id == other.id else { throw .recordMismatch(id, other.id) }
        if context == other.context && self == other { return }
        let mine = context
        let theirs = other.context
        existence = Self.joinEntries(existence, mine, other.existence, theirs)
        var merged: [FieldSlot] = []
        merged.reserveCapacity(max(fields.count, other.fields.count))
        var i = 0, j = 0
        let a = fields, b = other.fields
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].id < b[j].id) {
                let kept = a[i].siblings.filter { !theirs.contains($0.stamp) }
                if !kept.isEmpty { merged.append(FieldSlot(id: a[i].id, siblings: kept)) }
                i += 1
            } else if i == a.count || b[j].id < a[i].id {
                let kept = b[j].siblings.filter { !mine.contains($0.stamp) }
                if !kept.isEmpty { merged.append(FieldSlot(id: b[j].id, siblings: kept)) }
                j += 1
            } else {
                let kept = Self.joinEntries(a[i].siblings, mine, b[j].siblings, theirs)
                if !kept.isEmpty { merged.append(FieldSlot(id: a[i].id, siblings: kept)) }
                i += 1
                j += 1
            }
        }
        fields = merged
        context.formUnion(theirs)
        type = max(type, other.type)
    }

    /// The join of `self` and `other` (see ``join(_:)``).
    public func joined(with other: RecordState) throws(MergeError) -> RecordState {
        var copy = self
        try copy.join(other)
        return copy
    }

    /// Sorted-merge of two stamp-ordered entry lists under the causal join rule.
    static func joinEntries<Entry: Stamped & Equatable>(
        _ a: [Entry], _ contextA: VersionVector, _ b: [Entry], _ contextB: VersionVector
    ) -> [Entry] {
        if a == b { return a }
        var result: [Entry] = []
        result.reserveCapacity(max(a.count, b.count))
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i].stamp < b[j].stamp) {
                if !contextB.contains(a[i].stamp) { result.append(a[i]) }
                i += 1
            } else if i == a.count || b[j].stamp < a[i].stamp {
                if !contextA.contains(b[j].stamp) { result.append(b[j]) }
                j += 1
            } else {
                result.append(a[i])  // same stamp: the same write
                i += 1
                j += 1
            }
        }
        return result
    }

    // MARK: Helpers

    private func slotIndex(_ field: FieldID) -> Int? {
        let index = insertionIndex(field)
        return index < fields.count && fields[index].id == field ? index : nil
    }

    private func insertionIndex(_ field: FieldID) -> Int {
        var low = 0, high = fields.count
        while low < high {
            let mid = (low + high) / 2
            if fields[mid].id < field { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func insertSorted<Entry: Stamped>(_ entry: Entry, into list: inout [Entry]) {
        var index = list.count
        while index > 0 && entry.stamp < list[index - 1].stamp { index -= 1 }
        if index > 0 && list[index - 1].stamp == entry.stamp { return }
        list.insert(entry, at: index)
    }
}
