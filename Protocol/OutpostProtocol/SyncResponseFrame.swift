import ByteCoding
import MergeEngine

/// One frame of the server's answer to a sync (SPEC.md §5.3). A response is a stream
/// of frames; the device applies each one atomically together with its ``cursor``,
/// so a transfer cut at any byte resumes at the last whole frame. The last frame is
/// ``isFinal`` and carries the outcome of the device's writes.
public struct SyncResponseFrame: Hashable, Sendable {
    /// The cursor the device reaches once this frame is applied.
    public var cursor: SyncCursor
    /// What left the device's scope: territories (evict every record routed to them)
    /// and records (an account moved to a territory outside the scope: evict it). Either
    /// way the records' children go with them.
    public var evictions: [RecordID]
    /// Record states to join into the replica, each with its route.
    public var records: [FrameRecord]
    /// The outcome of the request's writes; present on the last frame only.
    public var outcome: Outcome?
    /// The device is revoked: wipe the replica and its keys.
    public var wipe: Bool
    /// The server stopped early (a size limit): sync again to continue.
    public var more: Bool
    /// The request was not processed: its counter is not above the last the server
    /// accepted from the device (a replay, a device restored from an older copy of its
    /// replica, or a server restored from a backup). The device adopts it and sends a
    /// new request.
    public var behind: Behind?

    /// What happened to the pushed writes.
    public struct Outcome: Hashable, Sendable {
        /// Every write of the device up to this counter is processed (accepted or refused).
        public var appliedThrough: UInt64
        /// Accepted writes whose resulting state the device rebuilds itself (it holds
        /// the write), as `(device counter, hub stamp counter)`.
        public var acks: [Ack]
        /// Refused writes.
        public var refusals: [Refusal]
        /// The request's writes from this counter on are not the writes the server
        /// processed under their counters (the device was restored from an older copy of
        /// its replica): none of them was applied, and the device numbers them again
        /// after ``appliedThrough`` and sends them in a new request.
        public var renumberFrom: UInt64?

        /// Creates an outcome.
        public init(appliedThrough: UInt64, acks: [Ack] = [], refusals: [Refusal] = [], renumberFrom: UInt64? = nil) {
            self.appliedThrough = appliedThrough
            self.acks = acks
            self.refusals = refusals
            self.renumberFrom = renumberFrom
        }
    }

    /// The answer to a request whose counter was not new (SPEC.md §2.5).
    public struct Behind: Hashable, Sendable {
        /// The last request counter the server accepted from the device.
        public var last: UInt64
        /// The hub counter the server's current epoch started from: its change sequence
        /// when it was last restored from a backup (0 if never). Hub stamps above it
        /// from before the restore are void.
        public var epochStart: UInt64

        /// How far a restore moves every device's last accepted request counter: more
        /// requests than any device sends between a backup and a restore.
        public static let epochCounterJump: UInt64 = 1 << 32

        /// Creates a behind answer.
        public init(last: UInt64, epochStart: UInt64) {
            self.last = last
            self.epochStart = epochStart
        }

        /// Whether the server was restored from a backup since the device last synced:
        /// its counter is at least half a restore's jump above `counter`, the request's
        /// (a device restored from its own older copy is behind by a few requests only).
        public func startsNewEpoch(after counter: UInt64) -> Bool {
            last >= counter && last - counter >= Self.epochCounterJump / 2
        }
    }

    /// A write the hub accepted, and the stamp it gave it.
    public struct Ack: Hashable, Sendable {
        /// The write's device counter.
        public var counter: UInt64
        /// Its hub stamp's counter.
        public var stamp: UInt64

        /// Creates an ack.
        public init(counter: UInt64, stamp: UInt64) {
            self.counter = counter
            self.stamp = stamp
        }
    }

    /// Creates a frame.
    public init(cursor: SyncCursor, evictions: [RecordID] = [], records: [FrameRecord] = [],
                outcome: Outcome? = nil, wipe: Bool = false, more: Bool = false, behind: Behind? = nil) {
        self.cursor = cursor
        self.evictions = evictions
        self.records = records
        self.outcome = outcome
        self.wipe = wipe
        self.more = more
        self.behind = behind
    }

    /// Whether this is the response's last frame.
    public var isFinal: Bool { outcome != nil || wipe || behind != nil }

    private enum Flag {
        static let outcome: UInt64 = 0x01
        static let records: UInt64 = 0x02
        static let evictions: UInt64 = 0x04
        static let acks: UInt64 = 0x08
        static let refusals: UInt64 = 0x10
        static let backfill: UInt64 = 0x20
        static let wipe: UInt64 = 0x40
        static let more: UInt64 = 0x80
        static let behind: UInt64 = 0x100
        static let renumber: UInt64 = 0x200
        static let all: UInt64 = 0x3FF
    }

    /// The plaintext bytes. Cursor values are deltas from `request`'s cursor, which
    /// the device knows; ack stamps are gaps below the new watermark.
    public func encoded(answering request: SyncCursor, hub: ReplicaID) -> [UInt8] {
        var flags: UInt64 = 0
        if outcome != nil { flags |= Flag.outcome }
        if !records.isEmpty { flags |= Flag.records }
        if !evictions.isEmpty { flags |= Flag.evictions }
        if outcome?.acks.isEmpty == false { flags |= Flag.acks }
        if outcome?.refusals.isEmpty == false { flags |= Flag.refusals }
        if cursor.backfill != nil { flags |= Flag.backfill }
        if wipe { flags |= Flag.wipe }
        if more { flags |= Flag.more }
        if behind != nil { flags |= Flag.behind }
        if outcome?.renumberFrom != nil { flags |= Flag.renumber }
        var writer = ByteWriter()
        writer.varint(flags)
        writer.varint(cursor.watermark &- request.watermark)
        writer.varint(cursor.scopeVersion &- request.scopeVersion)
        if let backfill = cursor.backfill {
            writer.varint(backfill.target)
            writer.varint(backfill.position)
        }
        if !evictions.isEmpty {
            writer.varint(evictions.count)
            for territory in evictions { writer.recordID(territory) }
        }
        if !records.isEmpty { StateBatchCodec.write(records, hub: hub, to: &writer) }
        if let outcome {
            writer.varint(outcome.appliedThrough)
            if !outcome.acks.isEmpty {
                writer.varint(outcome.acks.count)
                var previous: UInt64 = 0
                for ack in outcome.acks {
                    writer.varint(ack.counter &- previous)
                    previous = ack.counter
                    writer.varint(cursor.watermark &- ack.stamp)
                }
            }
            if !outcome.refusals.isEmpty {
                writer.varint(outcome.refusals.count)
                for refusal in outcome.refusals {
                    writer.varint(refusal.counter)
                    writer.byte(refusal.code.rawValue)
                    writer.string(refusal.message)
                }
            }
            if let from = outcome.renumberFrom { writer.varint(from) }
        }
        if let behind {
            writer.varint(behind.last)
            writer.varint(behind.epochStart)
        }
        return writer.bytes
    }

    /// Decodes a frame answering a request sent with cursor `request`.
    public init(decoding bytes: [UInt8], answering request: SyncCursor, hub: ReplicaID) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        let flags = try reader.varint()
        guard flags & ~Flag.all == 0 else { throw ProtocolError(.malformed, "response frame flags \(flags) are unknown") }
        let (watermark, overflowW) = request.watermark.addingReportingOverflow(try reader.varint())
        let (scope, overflowS) = request.scopeVersion.addingReportingOverflow(try reader.varint())
        guard !overflowW, !overflowS else { throw ProtocolError(.malformed, "response cursor overflows") }
        var cursor = SyncCursor(watermark: watermark, scopeVersion: scope)
        if flags & Flag.backfill != 0 {
            cursor.backfill = SyncCursor.Backfill(target: try reader.varint(), position: try reader.varint())
        }
        var evictions: [RecordID] = []
        if flags & Flag.evictions != 0 {
            let count = try reader.count(max: reader.remaining / 16, of: "eviction count")
            for _ in 0..<count { evictions.append(try reader.recordID()) }
        }
        let records = flags & Flag.records != 0 ? try StateBatchCodec.read(from: &reader, hub: hub) : []
        var outcome: Outcome?
        if flags & Flag.outcome != 0 {
            var result = Outcome(appliedThrough: try reader.varint())
            if flags & Flag.acks != 0 {
                let count = try reader.count(max: reader.remaining / 2, of: "ack count")
                var previous: UInt64 = 0
                for _ in 0..<count {
                    let (counter, overflow) = previous.addingReportingOverflow(try reader.varint())
                    let gap = try reader.varint()
                    guard !overflow, gap < watermark else { throw ProtocolError(.malformed, "ack at byte \(reader.offset) is out of range") }
                    previous = counter
                    result.acks.append(Ack(counter: counter, stamp: watermark - gap))
                }
            }
            if flags & Flag.refusals != 0 {
                let count = try reader.count(max: reader.remaining / 3, of: "refusal count")
                for _ in 0..<count {
                    let counter = try reader.varint()
                    let raw = try reader.byte()
                    guard let code = Refusal.Code(rawValue: raw) else {
                        throw ProtocolError(.malformed, "refusal code \(raw) at byte \(reader.offset - 1) is unknown")
                    }
                    result.refusals.append(Refusal(counter: counter, code: code, message: try reader.string()))
                }
            }
            if flags & Flag.renumber != 0 { result.renumberFrom = try reader.varint() }
            outcome = result
        } else if flags & (Flag.acks | Flag.refusals | Flag.renumber) != 0 {
            throw ProtocolError(.malformed, "acks, refusals or a renumbering without an outcome")
        }
        let behind = flags & Flag.behind != 0 ? Behind(last: try reader.varint(), epochStart: try reader.varint()) : nil
        try reader.expectEnd(of: "response frame")
        self.init(cursor: cursor, evictions: evictions, records: records, outcome: outcome,
                  wipe: flags & Flag.wipe != 0, more: flags & Flag.more != 0, behind: behind)
    }
}
