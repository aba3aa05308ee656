extension RecordState {
    /// Provisional counters for pending writes start here, above any real hub counter.
    static let provisionalBase: UInt64 = 1 << 62

    /// The local state of a record on `device`: `base` (the last hub state received)
    /// with the device's `pending` writes of this record applied in order under
    /// provisional stamps that sort above every hub stamp. The result shows the
    /// device's own latest edits, exactly as the hub will decide once it stamps them
    /// after everything the device has seen.
    ///
    /// - Returns: `nil` if there is no base and no pending create.
    public static func overlay(_ base: RecordState?, pending: [Write], device: ReplicaID) -> RecordState? {
        var state = base
        for write in pending {
            if state == nil {
                guard case .create(let type, _) = write.operation else { continue }
                state = RecordState(id: write.record, type: type)
            }
            state?.apply(write, stamp: Dot(replica: device, counter: provisionalBase + write.dot.counter))
        }
        return state
    }
}
