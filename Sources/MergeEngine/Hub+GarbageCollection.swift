/// What a garbage-collection pass did.
public struct GarbageReport: Hashable, Sendable {
    /// The new collection floor.
    public var floor: UInt64
    /// Records dropped.
    public var collected: [RecordID]
    /// Devices whose watermark is now below the floor: they will be told to rebootstrap.
    public var evicted: [ReplicaID]
}

extension Hub {
    /// Collects deleted records every in-scope device has seen, and those older than
    /// `horizon`.
    ///
    /// The floor rises to the larger of (a) the lowest acknowledged watermark among
    /// devices still in scope (devices already below the floor are out of scope: they
    /// must rebootstrap anyway) and (b) the last counter reached at least `horizon`
    /// milliseconds before `now` by the hub's own clock. Deleted records whose hub
    /// counter is at or below the floor are dropped. Devices left below the floor are
    /// reported as evicted; their next pull or push gets `.rebootstrapRequired`.
    public mutating func collectGarbage(now: WallClock, horizon: Int64) -> GarbageReport {
        let inScope = devices.values.filter { $0.acknowledged >= gcFloor }
        let safe = inScope.map(\.acknowledged).min() ?? counter
        let cutoff = now.adding(milliseconds: -horizon)
        let aged = checkpoints.last(where: { $0.time <= cutoff })?.counter ?? 0
        let floor = max(gcFloor, safe, aged)
        var collected: [RecordID] = []
        for (recordID, record) in records
        where record.isCollectable(floor: floor, hub: id, policy: schema.policy(for: record.type)) {
            collected.append(recordID)
        }
        for recordID in collected { records[recordID] = nil }
        gcFloor = floor
        if let keep = checkpoints.lastIndex(where: { $0.counter <= floor }) {
            checkpoints.removeFirst(keep)
        }
        let evicted = devices.filter { $0.value.acknowledged < floor }.map(\.key).sorted()
        return GarbageReport(floor: floor, collected: collected.sorted(), evicted: evicted)
    }
}
