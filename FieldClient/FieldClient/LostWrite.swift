import MergeEngine

/// What a server restored from a backup lost of a device's accepted writes, read from
/// the device's copy of one record: the entries the device wrote that the hub stamped
/// after `epochStart`, the change sequence the restored server resumed from. The device
/// sends them again as one new write, whose context is cut to `epochStart` (the restored
/// server hands out the counters above it again, for other changes).
enum LostWrite {
    /// The write that re-asserts `device`'s lost entries of `state`, as a pending write
    /// numbered `counter`; `nil` when the restored server lost none of them.
    ///
    /// A record every existence entry of which is lost (created since the backup) is
    /// created again with the values this device gave it (values others gave it are
    /// theirs to send again, or the server's to assign again, e.g. a quote's number); a
    /// lost delete is a delete; a lost re-creation a restore; otherwise the device's lost
    /// field values are an update.
    static func write(for state: RecordState, by device: ReplicaID, after epochStart: UInt64, counter: UInt64) -> Write? {
        let hub = ReplicaID.hub
        func isLost(_ entry: some Stamped) -> Bool {
            entry.stamp.replica == hub && entry.stamp.counter > epochStart && entry.origin == device
        }
        var fields: [FieldID: FieldValue] = [:]
        var times: [WallClock] = []
        for slot in state.fields {
            guard let newest = slot.siblings.last(where: { isLost($0) }) else { continue }
            fields[slot.id] = newest.value
            times.append(newest.time)
        }
        let existence = state.existence.last(where: { isLost($0) })
        if let existence { times.append(existence.time) }
        guard let time = times.max() else { return nil }
        let kept = min(state.context[hub], epochStart)
        let context = kept == 0 ? VersionVector() : VersionVector([Dot(replica: hub, counter: kept)])
        let operation: WriteOperation
        switch existence {
        case .some(let entry) where entry.isTombstone:
            operation = .delete
        case .some where state.existence.allSatisfy({ $0.stamp.counter > epochStart }):
            return Write(dot: Dot(replica: device, counter: counter), record: state.id, context: VersionVector(),
                         operation: .create(type: state.type, fields: fields), time: time)
        case .some:
            operation = .restore(fields: fields)
        case .none:
            operation = .update(fields: fields)
        }
        return Write(dot: Dot(replica: device, counter: counter), record: state.id, context: context, operation: operation, time: time)
    }

    /// `write` with its context cut to `epochStart`: what it had seen of the hub beyond
    /// that point is void in the restored server's epoch.
    static func clamped(_ write: Write, to epochStart: UInt64) -> Write {
        let hub = ReplicaID.hub
        guard write.context[hub] > epochStart else { return write }
        var clamped = write
        clamped.context = VersionVector(write.context.entries.map { $0.replica == hub ? Dot(replica: hub, counter: epochStart) : $0 }
            .filter { $0.counter > 0 })
        return clamped
    }
}
