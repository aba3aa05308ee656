import ByteCoding
import SeededRandom
import MergeEngine
import StateCoding
import OutpostProtocol
import PropertyBased
import Testing

@Suite("Sync message codec")
struct CodecRoundTripTests {
    @Test("Record states round-trip alone and in column batches with their routes; every cut is refused")
    func states() async {
        await propertyCheck(count: 300, input: Gen.uint64(), Gen.int(in: 1...60)) { seed, operations in
            let states = RandomStates.make(seed: seed, operations: operations)
            for state in states {
                let bytes = RecordStateCodec.encode(state)
                #expect((try? RecordStateCodec.decode(bytes, id: state.id)) == state)
                #expect((try? RecordStateCodec.decode(Array(bytes.dropLast()), id: state.id)) == nil)
            }
            let records = RandomStates.routed(states, seed: seed)
            var writer = ByteWriter()
            StateBatchCodec.write(records, hub: RandomStates.hub, to: &writer)
            var reader = ByteReader<ProtocolError>(writer.bytes)
            let decoded = try? StateBatchCodec.read(from: &reader, hub: RandomStates.hub)
            #expect(decoded.map { Set($0) } == Set(records))
            #expect(reader.isAtEnd)
            var cut = ByteReader<ProtocolError>(Array(writer.bytes.dropLast()))
            #expect((try? StateBatchCodec.read(from: &cut, hub: RandomStates.hub)) == nil)
        }
    }

    @Test("Sync requests round-trip with any pending writes")
    func requests() async {
        await propertyCheck(count: 300, input: Gen.uint64(), Gen.int(in: 0...30)) { seed, operations in
            var random = SplitMix(seed: seed)
            let device = ReplicaID(7)
            var pending: [Write] = []
            var created: Set<RecordID> = []
            for step in 0..<operations {
                let id = RecordID(high: 1, low: random.next() % 4)
                let time = WallClock(milliseconds: ValueCodecEpoch.start + Int64(step) * 1000)
                let operation: WriteOperation
                if created.insert(id).inserted {
                    operation = .create(type: RecordTypeID(3), fields: [FieldID(2): RandomStates.value(&random)])
                } else if random.next() % 5 == 0 {
                    operation = .delete
                } else {
                    operation = .update(fields: [FieldID(UInt16(1 + random.next() % 9)): RandomStates.value(&random)])
                }
                let context = random.next() % 2 == 0 ? VersionVector() : VersionVector([Dot(replica: RandomStates.hub, counter: 1 + random.next() % 500)])
                pending.append(Write(dot: Dot(replica: device, counter: UInt64(step + 1)), record: id, context: context,
                                     operation: operation, time: time))
            }
            let backfill = random.next() % 2 == 0 ? nil : SyncCursor.Backfill(target: random.next() % 9, position: random.next())
            let request = SyncRequest(cursor: SyncCursor(watermark: random.next() >> 8, scopeVersion: random.next() % 1000, backfill: backfill),
                                      writes: pending)
            let bytes = request.encoded(hub: RandomStates.hub)
            #expect((try? SyncRequest(decoding: bytes, device: device, hub: RandomStates.hub)) == request)
            #expect((try? SyncRequest(decoding: Array(bytes.dropLast()), device: device, hub: RandomStates.hub)) == nil)
        }
    }

    @Test("Response frames round-trip against the request's cursor")
    func responseFrames() async {
        await propertyCheck(count: 300, input: Gen.uint64(), Gen.int(in: 0...20)) { seed, operations in
            var random = SplitMix(seed: seed)
            let request = SyncCursor(watermark: random.next() % 100_000, scopeVersion: random.next() % 50)
            let states = operations == 0 ? [] : RandomStates.routed(RandomStates.make(seed: seed, operations: operations), seed: seed)
            let watermark = request.watermark + random.next() % 1000
            var outcome: SyncResponseFrame.Outcome?
            if random.next() % 2 == 0 {
                let acks = (0..<random.next() % 4).map { SyncResponseFrame.Ack(counter: 10 + $0 * 3, stamp: watermark - $0) }
                let refusals = (0..<random.next() % 3).map {
                    Refusal(counter: 100 + $0, code: Refusal.Code.allCases[Int($0) % Refusal.Code.allCases.count], message: "outside Bavaria")
                }
                outcome = .init(appliedThrough: random.next() % 500, acks: acks, refusals: refusals)
            }
            let frame = SyncResponseFrame(
                cursor: SyncCursor(watermark: watermark, scopeVersion: request.scopeVersion + random.next() % 3,
                                   backfill: random.next() % 3 == 0 ? .init(target: 4, position: random.next() % 9999) : nil),
                evictions: (0..<random.next() % 3).map { RecordID(high: $0, low: 99) },
                records: states, outcome: outcome, wipe: random.next() % 9 == 0, more: random.next() % 2 == 0)
            let bytes = frame.encoded(answering: request, hub: RandomStates.hub)
            let decoded = try? SyncResponseFrame(decoding: bytes, answering: request, hub: RandomStates.hub)
            #expect(decoded.map { Set($0.records) } == Set(frame.records))
            #expect(decoded?.cursor == frame.cursor && decoded?.outcome == frame.outcome && decoded?.evictions == frame.evictions)
            #expect(decoded?.wipe == frame.wipe && decoded?.more == frame.more)
        }
    }

    @Test("Enrolment messages round-trip")
    func enrolment() throws {
        let request = EnrolmentRequest(publicKey: Array(repeating: 7, count: 32), label: "handheld-07")
        #expect(try EnrolmentRequest(decoding: request.encoded()) == request)
        let response = EnrolmentResponse(deviceNumber: 3, serverPublicKey: Array(repeating: 9, count: 32),
                                         serverSigningKey: Array(repeating: 8, count: 32), userName: "rep.medium",
                                         role: "rep", territories: ["Bavaria", "Baden-Württemberg"], syncPort: 8081)
        #expect(try EnrolmentResponse(decoding: response.encoded()) == response)
        #expect(throws: ProtocolError.self) { try EnrolmentResponse(decoding: response.encoded() + [0]) }
    }

    @Test("Field ids and times at the edge of 64 bits are refused, not trapped on")
    func overflowingDeltas() {
        let id = [UInt8](repeating: 7, count: 16)
        let maxVarint: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]
        // One update write (empty context) whose second field id delta is 2^64 - 1.
        let fieldOverflow: [UInt8] = [0, 0, 0, 1, 0x21, 1] + id + [0, 2, 1, 0] + maxVarint + [0]
        // The same write with a time of Int64.min seconds.
        let timeOverflow: [UInt8] = [0, 0, 0, 1, 0x21, 1] + id + maxVarint + [1, 1, 0]
        for bytes in [fieldOverflow, timeOverflow] {
            #expect(throws: ProtocolError.self) { try SyncRequest(decoding: bytes, device: ReplicaID(1), hub: RandomStates.hub) }
        }
    }

    @Test("Hostile counts are refused before anything is allocated")
    func hostileCounts() {
        // A batch claiming 2^40 sections in a 6-byte message.
        var reader = ByteReader<ProtocolError>([0x80, 0x80, 0x80, 0x80, 0x80, 0x20])
        #expect(throws: ProtocolError.self) { try StateBatchCodec.read(from: &reader, hub: RandomStates.hub) }
        // A request with a write count far beyond its size.
        #expect(throws: ProtocolError.self) {
            try SyncRequest(decoding: [0, 1, 0, 0xFF, 0xFF, 0x03], device: ReplicaID(1), hub: RandomStates.hub)
        }
    }
}
