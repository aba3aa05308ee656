import Foundation
import GRDB
import MergeEngine
import StateCoding
import OutpostProtocol
import OutpostReplication

/// What applying one response frame did.
struct FrameEffect {
    var records = 0
    var evicted = 0
    var accepted = 0
    var refused = 0
    var renumbered = 0
    var conflicted = 0
}

extension Replica {
    /// Reserves the next request counter (stored before anything is sent, so no
    /// counter, hence no nonce, is ever used twice) and builds the request.
    func nextRequest(maximumWrites: Int) throws(ReplicaError) -> (identity: DeviceIdentity, request: SyncRequest) {
        try write { db in
            let identity = try DeviceIdentity.update(db, cipher: cipher) { $0.requestCounter += 1 }
            return (identity, SyncRequest(cursor: identity.cursor, writes: try pendingStore.writes(db, limit: maximumWrites)))
        }
    }

    /// Whether pending writes newer than `counter` wait for a later request.
    func hasPending(after counter: UInt64) throws(ReplicaError) -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM pending WHERE counter > ?)", arguments: [Int64(counter)]) ?? false }
    }

    /// The page cache while frames are applied: rows and groups are appended, and the
    /// indexes they touch are mostly appended to as well, so half SQLite's default keeps a
    /// bootstrap's peak memory under 40 MB (see ARCHITECTURE.md, "The replica at the large scale").
    static let applyingCacheKiB = 1024

    /// Runs `body` (one exchange) with a ``FrameBatch`` that applies its response frames
    /// in transactions of several frames; whatever whole frames it applied are committed
    /// when `body` ends, by a failure or not. `body` holds the replica's connection
    /// throughout, so it must not call the replica's other methods. `now` reads the clock
    /// the batch times its commits by. An empty replica is filled without its index by
    /// parent, which is built when the exchange ends (``ParentIndex``).
    func applyingFrames<T>(now: @escaping () -> ContinuousClock.Instant = { .now },
                           _ body: (inout FrameBatch) throws -> T) throws -> T {
        try database.writeWithoutTransaction { db in
            try db.withPageCache(kiB: Self.applyingCacheKiB) {
                try ParentIndex.beforeApplying(db)
                var batch = FrameBatch(replica: self, db: db, now: now)
                do {
                    let result = try body(&batch)
                    try batch.commit()
                    try ParentIndex.afterApplying(db)
                    return result
                } catch {
                    // A cut link keeps the frames that arrived whole; if even that fails, nothing of the batch stays.
                    do { try batch.commit() } catch { try? db.rollback() }
                    try? ParentIndex.afterApplying(db)  // Else the next exchange builds it first.
                    throw error
                }
            }
        }
    }

    /// Applies one response frame and the cursor it brings inside the caller's transaction.
    func apply(_ frame: SyncResponseFrame, _ db: Database) throws -> FrameEffect {
        var effect = FrameEffect()
        // The records of refused writes as this device saw them, taken before an
        // eviction removes them, so a refusal keeps its full content.
        let seen = try records(refusedIn: frame.outcome, db)
        var held = try heldStates(db, frame.records.map(\.state.id))
        // The frame's new records are stored together, in groups, once all are merged.
        let grouping = StateGroupWriter()
        for record in frame.records where try merge(db, record, held: &held, grouping: grouping) { effect.conflicted += 1 }
        try storeGroups(db, grouping)
        effect.records = frame.records.count
        if let outcome = frame.outcome {
            try settle(db, outcome, seen: seen, effect: &effect)
            if let from = outcome.renumberFrom {
                effect.renumbered = try renumber(db, from: from, after: outcome.appliedThrough)
            }
            try db.execute(sql: "DELETE FROM departed WHERE id NOT IN (SELECT record FROM pending)")
        }
        // Evictions last: a record the device's own accepted write filed above may
        // have left its scope since (the server names it then).
        if !frame.evictions.isEmpty {
            let before = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0
            try evict(db, frame.evictions)
            effect.evicted = before - (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record") ?? 0)
        }
        _ = try DeviceIdentity.update(db, cipher: cipher) { identity in
            identity.cursor = frame.cursor
            if frame.isFinal { identity.lastSyncAt = Int64(Date().timeIntervalSince1970 * 1000) }
        }
        return effect
    }

    /// Numbers the pending writes from counter `from` on again, in order, after
    /// `appliedThrough`: the server processed other writes under their counters (this
    /// replica was restored from an older copy), so they go again as new writes.
    private func renumber(_ db: Database, from: UInt64, after appliedThrough: UInt64) throws -> Int {
        let writes = try pendingStore.writes(db).filter { $0.dot.counter >= from }
        for write in writes { try pendingStore.remove(db, counter: write.dot.counter) }
        let kept = try pendingStore.writes(db).map(\.dot.counter).max() ?? 0
        var next = max(appliedThrough, kept)
        for var write in writes {
            next += 1
            write.dot.counter = next
            try pendingStore.insert(db, write)
        }
        _ = try DeviceIdentity.update(db, cipher: cipher) { $0.writeCounter = max($0.writeCounter, next) }
        return writes.count
    }

    /// The local records (hub state with pending writes on top) that `outcome` refuses writes to.
    private func records(refusedIn outcome: SyncResponseFrame.Outcome?, _ db: Database) throws -> [RecordID: LocalRecord] {
        guard let outcome, !outcome.refusals.isEmpty else { return [:] }
        let refused = Set(outcome.refusals.map(\.counter))
        var records: [RecordID: LocalRecord] = [:]
        for write in try pendingStore.writes(db) where refused.contains(write.dot.counter) && records[write.record] == nil {
            records[write.record] = try lastSeen(db, write.record)
        }
        return records
    }

    /// Retires pending writes the server has processed: an accepted write is applied
    /// to the hub state under its stamp (unless a frame already brought that state);
    /// a refused one moves to `rejected` with the reason and the record as this device
    /// saw it (`seen`), where it stays until the rep discards it.
    private func settle(_ db: Database, _ outcome: SyncResponseFrame.Outcome, seen: [RecordID: LocalRecord],
                        effect: inout FrameEffect) throws {
        let acks = Dictionary(outcome.acks.map { ($0.counter, $0.stamp) }, uniquingKeysWith: max)
        let refusals = Dictionary(outcome.refusals.map { ($0.counter, $0) }, uniquingKeysWith: { a, _ in a })
        for write in try pendingStore.writes(db) where write.dot.counter <= outcome.appliedThrough {
            if let stamp = acks[write.dot.counter] {
                var state = try baseState(db, write.record)
                if (state?.context[ReplicaID.hub] ?? 0) < stamp {
                    if state == nil, case .create(let type, _) = write.operation { state = RecordState(id: write.record, type: type) }
                    state?.apply(write, stamp: Dot(replica: ReplicaID.hub, counter: stamp))
                    if let state { try store(db, state, route: nil) }
                }
                try pendingStore.remove(db, counter: write.dot.counter)
                effect.accepted += 1
            } else if let refusal = refusals[write.dot.counter] {
                let record = seen[write.record]
                let kind = record.map { Int64($0.kind.rawValue) }
                    ?? { if case .create(let type, _) = write.operation { Int64(type.rawValue) } else { 0 } }()
                let code = Int64(refusal.code.rawValue)
                let at = Int64(Date().timeIntervalSince1970 * 1000)
                func binding(_ column: SealBinding.Column) -> SealBinding {
                    .rejected(column, counter: write.dot.counter, record: write.record, kind: kind, code: code, at: at)
                }
                try db.execute(sql: """
                    INSERT OR REPLACE INTO rejected (counter, record, kind, write, code, message, rejected_at, record_state)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [Int64(write.dot.counter), Data(write.record.bytes), kind,
                                     try cipher.seal(PendingStore.encode(write), binding(.rejectedWrite)), code,
                                     try cipher.seal(refusal.message, binding(.rejectedMessage)), at,
                                     try record.map { try cipher.seal(RecordStateCodec.encode($0.state), binding(.rejectedRecord)) }])
                try pendingStore.remove(db, counter: write.dot.counter)
                effect.refused += 1
            }
        }
    }
}
