import ByteCoding
import MergeEngine

/// What a device sends to sync (SPEC.md §5.2): its cursor and its pending writes.
/// Sent sealed by ``SealedRequest``; this is the plaintext.
public struct SyncRequest: Hashable, Sendable {
    /// How far the device has received.
    public var cursor: SyncCursor
    /// Pending writes, ascending by dot counter; every one is authored by the device.
    public var writes: [Write]

    /// The most writes a device puts in one request (its oldest pending ones); it syncs
    /// again while more remain. Servers accept at least this many (SPEC.md §10.1).
    public static let maximumWrites = 1000

    /// Creates a request.
    public init(cursor: SyncCursor, writes: [Write]) {
        self.cursor = cursor
        self.writes = writes
    }

    private static let backfillBit: UInt8 = 0x01

    /// The plaintext bytes; `hub` is the server's replica id (for compact contexts).
    public func encoded(hub: ReplicaID) -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(cursor.backfill == nil ? 0 : Self.backfillBit)
        writer.varint(cursor.watermark)
        writer.varint(cursor.scopeVersion)
        if let backfill = cursor.backfill {
            writer.varint(backfill.target)
            writer.varint(backfill.position)
        }
        WriteCodec.write(writes, hub: hub, to: &writer)
        return writer.bytes
    }

    /// Decodes a request from `device`.
    public init(decoding bytes: [UInt8], device: ReplicaID, hub: ReplicaID) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        let flags = try reader.byte()
        guard flags & ~Self.backfillBit == 0 else { throw ProtocolError(.malformed, "sync request flags \(flags) are unknown") }
        var cursor = SyncCursor(watermark: try reader.varint(), scopeVersion: try reader.varint())
        if flags & Self.backfillBit != 0 {
            cursor.backfill = SyncCursor.Backfill(target: try reader.varint(), position: try reader.varint())
        }
        let writes = try WriteCodec.read(from: &reader, device: device, hub: hub)
        try reader.expectEnd(of: "sync request")
        self.init(cursor: cursor, writes: writes)
    }

    /// The last write's counter: the hub acknowledges the cursor only once it has
    /// processed every write up to here (0 when nothing is pending).
    public var writesThrough: UInt64 { writes.last?.dot.counter ?? 0 }
}
