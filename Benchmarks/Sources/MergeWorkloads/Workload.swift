import MergeEngine

/// A record written by `writers` distinct devices in turn (each saw the previous
/// write), as both a MergeEngine state and a naive record; `older` is the same record
/// `lag` writes earlier. Merging `older` with `newer` is what a device does on sync.
public struct Workload: Sendable {
    public static let fieldCount = 8
    public let writers: Int
    public let older: RecordState
    public let newer: RecordState
    public let naiveOlder: NaiveRecord
    public let naiveNewer: NaiveRecord
    /// A write ready to be stamped onto `newer` (hub acceptance path).
    public let nextWrite: Write

    public init(writers: Int, lag: Int = 16) {
        self.writers = writers
        let hub = ReplicaID(1)
        let id = RecordID(high: 1, low: 2)
        var state = RecordState(id: id, type: RecordTypeID(1))
        var naive = NaiveRecord()
        var olderState = state
        var olderNaive = naive
        let fields = (0..<Self.fieldCount).map { FieldID(UInt16($0)) }
        let time = WallClock(milliseconds: 0)
        let create = Write(
            dot: Dot(replica: ReplicaID(1000), counter: 1), record: id, context: VersionVector(),
            operation: .create(type: RecordTypeID(1), fields: Dictionary(uniqueKeysWithValues: fields.map { ($0, .null) })),
            time: time)
        state.apply(create, stamp: Dot(replica: hub, counter: 1))
        for n in 1...writers {
            let device = ReplicaID(UInt32(1000 + n))
            let field = fields[n % fields.count]
            let write = Write(
                dot: Dot(replica: device, counter: 1), record: id, context: state.context,
                operation: .update(fields: [field: .int(Int64(n))]), time: time)
            state.apply(write, stamp: Dot(replica: hub, counter: UInt64(n + 1)))
            naive.write(field: field, value: .int(Int64(n)), by: device)
            if n == writers - lag {
                olderState = state
                olderNaive = naive
            }
        }
        older = olderState
        newer = state
        naiveOlder = olderNaive
        naiveNewer = naive
        nextWrite = Write(
            dot: Dot(replica: ReplicaID(9), counter: 1), record: id, context: state.context,
            operation: .update(fields: [fields[0]: .string("next")]), time: time)
    }

    /// MergeEngine: one record join (`fieldCount` field merges).
    @inline(never) public func mergeEngineJoin() -> RecordState {
        var copy = older
        try! copy.join(newer)
        return copy
    }

    /// Naive: one record merge (`fieldCount` field merges).
    @inline(never) public func naiveMerge() -> NaiveRecord {
        var copy = naiveOlder
        copy.merge(naiveNewer)
        return copy
    }

    /// Metadata bytes per record, MergeEngine.
    public var mergeEngineBytes: Int { CausalMetadata.byteCount(of: newer) }
    /// Metadata bytes per record, naive.
    public var naiveBytes: Int { naiveNewer.metadataByteCount }
}
