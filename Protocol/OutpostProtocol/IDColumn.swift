import ByteCoding
import MergeEngine

/// The ids column of a column batch section (SPEC.md §4.2), in one of two layouts.
///
/// *In full*: each id's 16 bytes. *By time*: time-ordered ids (version 7 UUIDs, whose
/// first 48 bits are the millisecond they were minted) as the change of that
/// millisecond from the previous id's (a signed varint, the first from 0), then the
/// id's other 10 bytes. Ids minted in order then cost about 11 bytes instead of 16,
/// before compression, and what is left is their random part. A section in the time
/// layout is marked by a record count of 0 followed by the real count, which a reader
/// of the full layout alone refuses as malformed instead of misreading.
enum IDColumn {
    /// The fewest records a section needs for the time layout: below it, the few bytes
    /// saved do not matter, and short answers keep one layout.
    static let minimumByTime = 8

    /// Appends the count of `ids` and the ids, by time when that is shorter and they
    /// were not all minted in one millisecond (ids that share their first bytes, such as
    /// a configurator model's options, compress better in full, 16 bytes apart).
    static func write(_ ids: [RecordID], to writer: inout ByteWriter) {
        let milliseconds = ids.first.map { $0.high >> 16 }
        guard ids.count >= minimumByTime, ids.contains(where: { $0.high >> 16 != milliseconds }),
              bytesByTime(ids) < 16 * ids.count else {
            writer.varint(ids.count)
            for id in ids { writer.recordID(id) }
            return
        }
        writer.varint(0)
        writer.varint(ids.count)
        var previous: Int64 = 0
        for id in ids {
            let time = Int64(id.high >> 16)
            writer.signed(time &- previous)
            previous = time
            writer.raw([UInt8(truncatingIfNeeded: id.high >> 8), UInt8(truncatingIfNeeded: id.high)])
            writer.raw(withUnsafeBytes(of: id.low.bigEndian) { Array($0) })
        }
    }

    /// Reads a count and the ids written by ``write(_:to:)``; the count is at least 1.
    static func read(from reader: inout ByteReader<ProtocolError>) throws(ProtocolError) -> [RecordID] {
        let count = try reader.count(max: reader.remaining / 17, of: "section size")
        var ids: [RecordID] = []
        if count > 0 {
            ids.reserveCapacity(count)
            for _ in 0..<count { ids.append(try reader.recordID()) }
            return ids
        }
        let start = reader.offset
        let timed = try reader.count(max: reader.remaining / 12, of: "section size")
        guard timed > 0 else { throw ProtocolError(.malformed, "a batch section at byte \(start) is empty") }
        ids.reserveCapacity(timed)
        var time: Int64 = 0
        for _ in 0..<timed {
            time = time &+ (try reader.signed())
            guard time >= 0, time < 1 << 48 else { throw ProtocolError(.malformed, "id time \(time) at byte \(reader.offset) is out of range") }
            let rest = try reader.raw(10)
            let high = UInt64(time) << 16 | UInt64(rest[0]) << 8 | UInt64(rest[1])
            ids.append(RecordID(high: high, low: rest[2...].reduce(0) { $0 << 8 | UInt64($1) }))
        }
        return ids
    }

    /// The bytes `ids` take by time, past the marker and the count.
    private static func bytesByTime(_ ids: [RecordID]) -> Int {
        var previous: Int64 = 0
        return ids.reduce(0) { total, id in
            let time = Int64(id.high >> 16)
            defer { previous = time }
            return total + LEB128.size(of: ZigZag.encode(time &- previous)) + 10
        }
    }
}
