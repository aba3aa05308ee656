import ByteCoding
import MergeEngine
@testable import OutpostProtocol
import PropertyBased
import SeededRandom
import Testing

@Suite("Column batch ids by time")
struct IDColumnTests {
    /// `count` time-ordered (version 7) ids minted up to `spread` ms apart, now and then
    /// earlier than the one before.
    static func timeOrderedIDs(seed: UInt64, count: Int, spread: UInt64) -> [RecordID] {
        var random = SplitMix(seed: seed)
        var time = 1_700_000_000_000 + random.next() % 1_000_000
        return (0..<count).map { _ in
            time = random.next() % 8 == 0 ? time - random.next() % (spread + 1) : time + random.next() % (spread + 1)
            return RecordID(high: time << 16 | 0x7000 | random.next() & 0x0FFF,
                            low: 0x8000_0000_0000_0000 | random.next() & 0x3FFF_FFFF_FFFF_FFFF)
        }
    }

    /// Simple records of one type with `ids`, created one after another.
    static func records(_ ids: [RecordID]) -> [FrameRecord] {
        ids.enumerated().map { index, id in
            let counter = UInt64(index + 1)
            let write = Write(dot: Dot(replica: ReplicaID(1), counter: counter), record: id, context: VersionVector(),
                              operation: .create(type: RecordTypeID(3), fields: [FieldID(1): .string("record \(index)")]),
                              time: WallClock(milliseconds: 1_700_000_000_000 + Int64(index) * 1000))
            var state = RecordState(id: id, type: RecordTypeID(3))
            state.apply(write, stamp: Dot(replica: RandomStates.hub, counter: counter))
            return FrameRecord(state, route: .global)
        }
    }

    @Test("A section of eight or more time-ordered ids is written by time and read back the same; every cut is refused")
    func roundTrip() async {
        await propertyCheck(count: 200, input: Gen.uint64(), Gen.int(in: 1...40), Gen.uint64(in: 0...100_000)) { seed, count, spread in
            let records = Self.records(Self.timeOrderedIDs(seed: seed, count: count, spread: spread))
            var writer = ByteWriter()
            StateBatchCodec.write(records, hub: RandomStates.hub, to: &writer)
            let bytes = writer.bytes
            // One section, type 3, then its count: 0 marks the ids by time.
            let oneMillisecond = Set(records.map { $0.state.id.high >> 16 }).count == 1
            #expect(bytes[2] == (count >= 8 && !oneMillisecond ? 0 : UInt8(count)))
            var reader = ByteReader<ProtocolError>(bytes)
            #expect((try? StateBatchCodec.read(from: &reader, hub: RandomStates.hub)) == records)
            #expect(reader.isAtEnd)
            for cut in 0..<bytes.count {
                var cutReader = ByteReader<ProtocolError>(Array(bytes[..<cut]))
                #expect((try? StateBatchCodec.read(from: &cutReader, hub: RandomStates.hub)) == nil, "cut to \(cut) bytes")
            }
        }
    }

    @Test("Ids minted in order take about 11 bytes by time, 16 in full")
    func shorter() {
        let ids = Self.timeOrderedIDs(seed: 7, count: 1000, spread: 3)
        var writer = ByteWriter()
        IDColumn.write(ids, to: &writer)
        #expect(writer.bytes.count <= 11 * ids.count + 16)
        // A section's counters follow its ids: at least a byte a record.
        var reader = ByteReader<ProtocolError>(writer.bytes + Array(repeating: 1, count: ids.count))
        #expect((try? IDColumn.read(from: &reader)) == ids)
    }

    @Test("Ids minted in one millisecond, or derived from one id, stay in full")
    func oneMillisecondInFull() {
        let ids = (0..<50).map { RecordID(high: 0x0195_8C3E_7A12_7ABC, low: 0x8000_0000_0000_0000 | UInt64($0)) }
        var writer = ByteWriter()
        IDColumn.write(ids, to: &writer)
        #expect(writer.bytes.count == 1 + 16 * ids.count)
    }

    @Test("Random (version 4) ids stay in full: by time they would be longer")
    func randomIDsInFull() {
        var random = SplitMix(seed: 11)
        let ids = (0..<50).map { _ in RecordID(high: random.next() & ~0xF000 | 0x4000, low: random.next()) }
        var writer = ByteWriter()
        IDColumn.write(ids, to: &writer)
        #expect(writer.bytes.count == 1 + 16 * ids.count)
        // A section's counters follow its ids: at least a byte a record.
        var reader = ByteReader<ProtocolError>(writer.bytes + Array(repeating: 1, count: ids.count))
        #expect((try? IDColumn.read(from: &reader)) == ids)
    }
}
