import ByteCoding
import SpecText
import Foundation
import MergeEngine
import StateCoding
import OutpostProtocol
import PropertyBased
import Testing

/// The `vector` lines of Protocol/SPEC.md.
enum SpecVectors {
    /// The `vector` lines as name → bytes (the first and last columns).
    static var vectors: [(name: String, bytes: [UInt8])] {
        SpecText.lines("vector").map { ($0[0], SpecText.hex($0[$0.count - 1])) }
    }
}

/// The values SPEC.md §12's `vector` lines describe, built with the public API.
/// Every line's hex must decode to the value under its name and re-encode to the same bytes.
enum SpecFixtures {
    static let hub = ReplicaID.hub
    /// The requesting device of every request and frame vector.
    static let device = ReplicaID(7)
    /// The cursor every frame vector answers.
    static let request = SyncCursor(watermark: 1200, scopeVersion: 3)

    /// A record id from its UUID text.
    static func id(_ uuid: String) -> RecordID {
        let digits = Array(uuid.filter { $0 != "-" })
        let bytes = stride(from: 0, to: 32, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
        return try! RecordID(bytes: bytes)
    }

    /// 2026-03-02T09:30:00Z plus `seconds`.
    static func time(_ seconds: Int64 = 0) -> WallClock { WallClock(milliseconds: 1_772_443_800_000 + seconds * 1000) }

    static let bavaria = id("01958c3e-7a10-7000-8000-00000000b001")
    static let swabia = id("01958c3e-7a10-7000-8000-00000000b002")
    static let acme = id("01958c3e-7a11-7000-8000-0000000a0001")
    static let bergbau = id("01958c3e-7a11-7000-8000-0000000a0002")
    static let kessler = id("01958c3e-7a11-7000-8000-0000000a0003")
    static let account = RecordTypeID(3)
    /// Eight accounts minted one millisecond apart, from 01958c3e-7a12-…: their section
    /// sends the ids by time.
    static let mintedInOrder = (0..<8).map { index in id(String(format: "01958c3e-%04x-7000-8000-0000000b%04x", 0x7A12 + index, index + 1)) }

    static func dot(_ replica: UInt32, _ counter: UInt64) -> Dot { Dot(replica: ReplicaID(replica), counter: counter) }
    static func hubContext(_ counter: UInt64) -> VersionVector { VersionVector([Dot(replica: hub, counter: counter)]) }

    // MARK: Values and times (§3)

    static let values: [String: FieldValue] = [
        "value-null": .null,
        "value-false": .bool(false),
        "value-true": .bool(true),
        "value-int": .int(-3),
        "value-int-day": .int(20514),
        "value-string": .string("Zürich"),
        "value-bytes": .bytes(bavaria.bytes),
        "value-decimal": .decimal(units: 1_234_550, scale: 2),
    ]

    static let times: [String: WallClock] = [
        "time-epoch": WallClock(milliseconds: ValueCodec.epochMilliseconds),
        "time-before-epoch": WallClock(milliseconds: ValueCodec.epochMilliseconds - 1000),
        "time-2026-03-02": time(),
    ]

    // MARK: Sync requests (§5.2)

    static let updateWrite = Write(
        dot: Dot(replica: device, counter: 5), record: acme, context: hubContext(1187),
        operation: .update(fields: [FieldID(2): .string("Acme GmbH"), FieldID(4): .string("Zürich"), FieldID(7): .int(20514)]),
        time: time())
    static let createWrite = Write(
        dot: Dot(replica: device, counter: 6), record: kessler, context: VersionVector(),
        operation: .create(type: account, fields: [
            FieldID(1): .bytes(bavaria.bytes), FieldID(2): .string("Kessler Werkzeuge"), FieldID(3): .null,
            FieldID(5): .string("DE"),
        ]),
        time: time(60))
    static let deleteWrite = Write(
        dot: Dot(replica: device, counter: 7), record: bergbau, context: hubContext(1190), operation: .delete, time: time(120))
    static let restoreWrite = Write(
        dot: Dot(replica: device, counter: 9), record: bergbau, context: VersionVector([dot(0, 1195), dot(2, 17)]),
        operation: .restore(fields: [FieldID(6): .string("+49 89 1234")]), time: time(180))

    static let requests: [String: SyncRequest] = [
        "request-cursor": SyncRequest(cursor: request, writes: []),
        "request-start": SyncRequest(cursor: .start, writes: []),
        "request-backfill": SyncRequest(
            cursor: SyncCursor(watermark: 1200, scopeVersion: 3, backfill: .init(target: 4, position: 1100)), writes: []),
        "request-update": SyncRequest(cursor: request, writes: [updateWrite]),
        "request-create": SyncRequest(cursor: request, writes: [createWrite]),
        "request-delete": SyncRequest(cursor: request, writes: [deleteWrite]),
        "request-writes": SyncRequest(cursor: request, writes: [updateWrite, createWrite, deleteWrite, restoreWrite]),
    ]

    // MARK: Response frames (§5.3)

    /// A record in simple form: everything stamped `(hub, counter)` by `origin` at `at`.
    static func simple(_ id: RecordID, counter: UInt64, origin: UInt32, at: WallClock, _ fields: [(UInt16, FieldValue)]) -> RecordState {
        let stamp = Dot(replica: hub, counter: counter)
        return try! RecordState(
            id: id, type: account, context: VersionVector([stamp]),
            existence: [ExistenceEntry(stamp: stamp, origin: ReplicaID(origin), kind: .alive, time: at)],
            fields: fields.map { FieldSlot(id: FieldID($0.0), siblings: [FieldEntry(stamp: stamp, origin: ReplicaID(origin), value: $0.1, time: at)]) })
    }

    /// Acme as two devices renamed it concurrently: field 2 holds two siblings.
    static let conflicted = try! RecordState(
        id: acme, type: account, context: hubContext(1230),
        existence: [ExistenceEntry(stamp: dot(0, 1205), origin: hub, kind: .alive, time: time(-3600))],
        fields: [
            FieldSlot(id: FieldID(1), siblings: [FieldEntry(stamp: dot(0, 1205), origin: hub, value: .bytes(bavaria.bytes), time: time(-3600))]),
            FieldSlot(id: FieldID(2), siblings: [
                FieldEntry(stamp: dot(0, 1229), origin: ReplicaID(7), value: .string("Acme GmbH"), time: time()),
                FieldEntry(stamp: dot(0, 1230), origin: ReplicaID(8), value: .string("ACME GmbH"), time: time(30)),
            ]),
        ])

    static let frames: [String: SyncResponseFrame] = [
        "frame-steady": SyncResponseFrame(cursor: request, outcome: .init(appliedThrough: 0)),
        "frame-final-ack": SyncResponseFrame(
            cursor: SyncCursor(watermark: 1203, scopeVersion: 3),
            outcome: .init(appliedThrough: 5, acks: [.init(counter: 5, stamp: 1201)])),
        "frame-records": SyncResponseFrame(
            cursor: SyncCursor(watermark: 1260, scopeVersion: 3),
            records: [
                simple(bergbau, counter: 1210, origin: 0, at: time(-7200),
                       [(1, .bytes(bavaria.bytes)), (2, .string("Bergbau Nord AG")), (4, .string("München"))]),
                conflicted,
                simple(kessler, counter: 1250, origin: 7, at: time(60),
                       [(1, .bytes(bavaria.bytes)), (2, .string("Kessler Werkzeuge")), (5, .string("DE"))]),
            ].map { FrameRecord($0, route: .territory(bavaria)) }),
        "frame-records-by-time": SyncResponseFrame(
            cursor: SyncCursor(watermark: 1280, scopeVersion: 3),
            records: mintedInOrder.enumerated().map { index, id in
                FrameRecord(simple(id, counter: 1261 + UInt64(index), origin: 7, at: time(120 + Int64(index)),
                                   [(1, .bytes(bavaria.bytes)), (2, .string("Account \(index + 1)"))]),
                            route: .territory(bavaria))
            }),
        "frame-refusal": SyncResponseFrame(
            cursor: request,
            outcome: .init(appliedThrough: 6, refusals: [
                Refusal(counter: 6, code: .outOfScope, message: "account would belong to a territory outside this device's scope"),
            ])),
        "frame-outcome": SyncResponseFrame(
            cursor: SyncCursor(watermark: 1204, scopeVersion: 3),
            outcome: .init(appliedThrough: 9, acks: [.init(counter: 7, stamp: 1202), .init(counter: 9, stamp: 1204)],
                           refusals: [Refusal(counter: 8, code: .readOnly, message: "product records are read-only on devices")])),
        "frame-scope": SyncResponseFrame(
            cursor: SyncCursor(watermark: 1200, scopeVersion: 3, backfill: .init(target: 4, position: 1100)),
            evictions: [swabia]),
        "frame-more": SyncResponseFrame(cursor: SyncCursor(watermark: 2200, scopeVersion: 3),
                                        outcome: .init(appliedThrough: 0), more: true),
        "frame-wipe": SyncResponseFrame(cursor: request, wipe: true),
        "frame-renumber": SyncResponseFrame(cursor: request, outcome: .init(appliedThrough: 6, renumberFrom: 7)),
        "frame-behind": SyncResponseFrame(cursor: request, behind: .init(last: 42, epochStart: 0)),
        "frame-behind-epoch": SyncResponseFrame(cursor: request, behind: .init(last: 4_294_967_338, epochStart: 1187)),
    ]

    // MARK: Record states (§4.1)

    /// A deleted account whose delete raced a restore and a rename: two existence
    /// entries (one a tombstone with an extra dot) and a field with two siblings.
    static let tombstoned = try! RecordState(
        id: bergbau, type: account, context: hubContext(1300),
        existence: [
            ExistenceEntry(stamp: dot(0, 1295), origin: ReplicaID(7), kind: .alive, time: time(600)),
            ExistenceEntry(stamp: dot(0, 1300), origin: ReplicaID(8),
                           kind: .deleted(seen: CausalContext(vector: hubContext(1290), extras: [dot(0, 1299)])), time: time(660)),
        ],
        fields: [
            FieldSlot(id: FieldID(1), siblings: [FieldEntry(stamp: dot(0, 1210), origin: hub, value: .bytes(bavaria.bytes), time: time(-7200))]),
            FieldSlot(id: FieldID(2), siblings: [
                FieldEntry(stamp: dot(0, 1296), origin: ReplicaID(7), value: .string("Bergbau Nord AG"), time: time(600)),
                FieldEntry(stamp: dot(0, 1299), origin: ReplicaID(8), value: .string("Bergbau Nord"), time: time(640)),
            ]),
        ])

    static let states: [String: RecordState] = [
        "state-conflict-tombstone": tombstoned,
        "state-conflict": conflicted,
    ]

    // MARK: Enrolment (§6)

    /// The device's X25519 public key of SPEC.md §12.3 (`crypto_kx_seed_keypair` of bytes 00…1f).
    static let devicePublicKey = SpecText.hex("0e 02 16 22 3f 14 71 43 d3 26 15 a9 11 89 c2 88 c1 72 8c ba 3c c5 f9 f6 21 b1 02 6e 03 d8 31 29")
    /// The server's (seed bytes 20…3f).
    static let serverPublicKey = SpecText.hex("99 f4 67 4e cc 87 c0 b8 e7 12 f1 92 b8 f4 9e 74 42 a9 37 6b 48 75 96 7a ba ba 28 47 10 19 a9 3e")
    /// The server's Ed25519 catalog-signing public key (`crypto_sign_seed_keypair` of bytes 40…5f).
    static let serverSigningKey = SpecText.hex("25 43 b9 2f f1 09 55 11 47 6a dc 83 69 db 6d dc 93 36 65 a1 19 78 dd a1 40 4e e1 06 6c a9 55 9d")

    static let enrolRequests: [String: EnrolmentRequest] = [
        "enrol-request": EnrolmentRequest(publicKey: devicePublicKey, label: "field-laptop-07"),
    ]
    static let enrolResponses: [String: EnrolmentResponse] = [
        "enrol-response": EnrolmentResponse(deviceNumber: 7, serverPublicKey: serverPublicKey, serverSigningKey: serverSigningKey,
                                            userName: "rep.small", role: "rep",
                                            territories: ["Bavaria", "Franconia"], syncPort: 8081),
    ]

    /// Every named value's canonical bytes.
    static func encoded(_ name: String) -> [UInt8]? {
        if let value = values[name] {
            var writer = ByteWriter()
            ValueCodec.write(value, to: &writer)
            return writer.bytes
        }
        if let time = times[name] {
            var writer = ByteWriter()
            ValueCodec.write(time, to: &writer)
            return writer.bytes
        }
        if let request = requests[name] { return request.encoded(hub: hub) }
        if let frame = frames[name] { return frame.encoded(answering: request, hub: hub) }
        if let state = states[name] { return RecordStateCodec.encode(state) }
        if let request = enrolRequests[name] { return request.encoded() }
        if let response = enrolResponses[name] { return response.encoded() }
        return nil
    }

    static var names: [String] {
        Array(values.keys) + Array(times.keys) + Array(requests.keys) + Array(frames.keys) + Array(states.keys)
            + Array(enrolRequests.keys) + Array(enrolResponses.keys)
    }

    /// Decodes `bytes` as the message kind `name` starts with, and checks it is the named value.
    static func decodes(_ bytes: [UInt8], as name: String) throws -> Bool {
        if let value = values[name] {
            var reader = ByteReader<ProtocolError>(bytes)
            let decoded = try ValueCodec.read(from: &reader)
            try reader.expectEnd(of: "value")
            return decoded == value
        }
        if let time = times[name] {
            var reader = ByteReader<ProtocolError>(bytes)
            let decoded = try ValueCodec.readTime(from: &reader)
            try reader.expectEnd(of: "time")
            return decoded == time
        }
        if let request = requests[name] { return try SyncRequest(decoding: bytes, device: device, hub: hub) == request }
        if let frame = frames[name] { return try SyncResponseFrame(decoding: bytes, answering: Self.request, hub: hub) == frame }
        if let state = states[name] { return try RecordStateCodec.decode(bytes, id: state.id) == state }
        if let request = enrolRequests[name] { return try EnrolmentRequest(decoding: bytes) == request }
        if let response = enrolResponses[name] { return try EnrolmentResponse(decoding: bytes) == response }
        return false
    }

    /// Decodes `bytes` as message kind `kind` (the first column of an `invalid` line).
    static func decode(_ bytes: [UInt8], as kind: String) throws(ProtocolError) {
        switch kind {
        case "value":
            var reader = ByteReader<ProtocolError>(bytes)
            _ = try ValueCodec.read(from: &reader)
            try reader.expectEnd(of: "value")
        case "time":
            var reader = ByteReader<ProtocolError>(bytes)
            _ = try ValueCodec.readTime(from: &reader)
            try reader.expectEnd(of: "time")
        case "request": _ = try SyncRequest(decoding: bytes, device: device, hub: hub)
        case "frame": _ = try SyncResponseFrame(decoding: bytes, answering: request, hub: hub)
        case "state":
            var reader = ByteReader<ProtocolError>(bytes)
            _ = try RecordStateCodec.read(from: &reader, id: bergbau)
            try reader.expectEnd(of: "record state")
        case "enrol-request": _ = try EnrolmentRequest(decoding: bytes)
        case "enrol-response": _ = try EnrolmentResponse(decoding: bytes)
        default: Issue.record("unknown message kind \(kind) in an invalid line")
        }
    }
}

@Suite("Protocol SPEC.md")
struct SpecVectorTests {
    @Test("SPEC.md's varint table matches the codec")
    func varints() {
        let table: [(UInt64, String)] = [(0, "00"), (127, "7f"), (128, "80 01"), (300, "ac 02"), (16384, "80 80 01")]
        for (value, hex) in table {
            #expect(SpecText.text.contains("| \(value) | `\(hex)` |"))
            var bytes: [UInt8] = []
            LEB128.append(value, to: &bytes)
            #expect(bytes == SpecText.hex(hex))
        }
    }

    @Test("SPEC.md's zig-zag table matches the codec")
    func signed() {
        let table: [(Int64, String)] = [(0, "00"), (-1, "01"), (1, "02"), (-2, "03"), (63, "7e"), (-64, "7f"), (64, "80 01")]
        for (value, hex) in table {
            #expect(SpecText.text.contains("| \(value) | `\(hex)` |"))
            var writer = ByteWriter()
            writer.signed(value)
            #expect(writer.bytes == SpecText.hex(hex))
            var reader = ByteReader<ProtocolError>(SpecText.hex(hex))
            #expect((try? reader.signed()) == value)
        }
    }

    @Test("Every fixture has exactly one vector line, and no line is unknown")
    func coverage() {
        let names = SpecVectors.vectors.map(\.name)
        #expect(Set(names).count == names.count, "a vector name repeats")
        #expect(Set(names) == Set(SpecFixtures.names))
        #expect(names.count >= 25)
    }

    @Test("Every vector decodes to the value it names and re-encodes to the same bytes")
    func vectors() throws {
        for (name, bytes) in SpecVectors.vectors {
            #expect(try SpecFixtures.decodes(bytes, as: name), "vector \(name) decodes to another value")
            #expect(SpecFixtures.encoded(name) == bytes, "vector \(name) re-encodes to other bytes")
        }
    }

    @Test("Every invalid vector is refused with its code; every cut of a valid one is refused")
    func invalid() throws {
        let lines = SpecText.lines("invalid")
        #expect(lines.count >= 12)
        for line in lines {
            let kind = line[0]
            let code = try #require(ProtocolError.Code.allCases.first { "\($0)" == line[1] }, "unknown code \(line[1])")
            #expect(throws: ProtocolError.self, "\(line[2])") { try SpecFixtures.decode(SpecText.hex(line[3]), as: kind) }
            do {
                try SpecFixtures.decode(SpecText.hex(line[3]), as: kind)
            } catch {
                #expect(error.code == code, "\(line[2]): \(error.message)")
            }
        }
        for (name, bytes) in SpecVectors.vectors where !bytes.isEmpty {
            let kind = name.hasPrefix("enrol-") ? name : String(name.prefix(while: { $0 != "-" }))
            for cut in 0..<bytes.count {
                #expect(throws: ProtocolError.self, "\(name) cut to \(cut) bytes") {
                    try SpecFixtures.decode(Array(bytes[..<cut]), as: kind)
                }
            }
        }
    }
}
