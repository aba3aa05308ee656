import ByteCoding
import MergeEngine

/// The baseline: every field version carries a full vector clock with one entry per
/// device that ever wrote the record (no hub re-stamping). Written here only, to be
/// measured against MergeEngine in the same run.
public struct NaiveRecord: Sendable, Equatable {
    /// A field value with the vector clock it was written at.
    public struct Version: Sendable, Equatable {
        public var value: FieldValue
        public var clock: [ReplicaID: UInt64]
    }

    /// Concurrent versions per field.
    public var fields: [FieldID: [Version]] = [:]
    /// The record's clock: union of every version's clock.
    public var clock: [ReplicaID: UInt64] = [:]

    public init() {}

    /// A device write: the device increments its own entry of the clock it has seen.
    public mutating func write(field: FieldID, value: FieldValue, by device: ReplicaID) {
        var next = clock
        next[device, default: 0] += 1
        clock = next
        fields[field] = [Version(value: value, clock: next)]
    }

    /// Whether `a` ≤ `b` pointwise.
    static func dominated(_ a: [ReplicaID: UInt64], by b: [ReplicaID: UInt64]) -> Bool {
        if a.count > b.count { return false }
        for (replica, counter) in a where (b[replica] ?? 0) < counter { return false }
        return true
    }

    /// Merge: per field, union the versions and drop every version dominated by another.
    public mutating func merge(_ other: NaiveRecord) {
        for (field, theirs) in other.fields {
            let mine = fields[field] ?? []
            var all = mine
            for version in theirs where !all.contains(version) { all.append(version) }
            fields[field] = all.filter { candidate in
                !all.contains { $0 != candidate && Self.dominated(candidate.clock, by: $0.clock) }
            }
        }
        for (replica, counter) in other.clock where (clock[replica] ?? 0) < counter { clock[replica] = counter }
    }

    /// Metadata bytes with the same LEB128 scheme: record clock + each version's clock.
    public var metadataByteCount: Int {
        func clockBytes(_ clock: [ReplicaID: UInt64]) -> Int {
            clock.reduce(LEB128.size(of: UInt64(clock.count))) {
                $0 + LEB128.size(of: UInt64($1.key.rawValue)) + LEB128.size(of: $1.value)
            }
        }
        var total = clockBytes(clock) + LEB128.size(of: UInt64(fields.count))
        for (field, versions) in fields {
            total += LEB128.size(of: UInt64(field.rawValue)) + LEB128.size(of: UInt64(versions.count))
            for version in versions { total += clockBytes(version.clock) }
        }
        return total
    }
}
