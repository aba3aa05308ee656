import ByteCoding
import PropertyBased
import Testing

/// A failure type that records which kind of problem the reader reported.
private enum ReadFailure: ByteReadFailure, Equatable {
    case truncated
    case malformed

    static func truncated(_ message: String) -> ReadFailure { .truncated }
    static func malformed(_ message: String) -> ReadFailure { .malformed }
}

@Suite("Byte coding")
struct ByteCodingTests {
    @Test("LEB128 round-trips and rejects malformed input")
    func leb128() throws {
        for value: UInt64 in [0, 1, 127, 128, 300, 16_383, 16_384, UInt64(UInt32.max), .max] {
            var bytes: [UInt8] = []
            LEB128.append(value, to: &bytes)
            #expect(bytes.count == LEB128.size(of: value))
            var offset = 0
            #expect(try LEB128.read(bytes, at: &offset) == value)
            #expect(offset == bytes.count)
        }
        var offset = 0
        #expect(throws: LEB128Error.truncated(offset: 1)) { try LEB128.read([0x80], at: &offset) }
        #expect(offset == 0)
        #expect(throws: LEB128Error.overflow(offset: 9)) { try LEB128.read(Array(repeating: 0xFF, count: 11), at: &offset) }
        #expect(throws: LEB128Error.overflow(offset: LEB128.maxBytes)) {
            try LEB128.read(Array(repeating: 0x80, count: 11), at: &offset)
        }
    }

    @Test("every writer value reads back, whatever follows it")
    func writerReaderRoundTrip() async {
        await propertyCheck(count: 500, input: Gen.uint64(), Gen.int64(), Gen.int(in: 0...40)) { unsigned, signed, length in
            var writer = ByteWriter()
            writer.varint(unsigned)
            writer.signed(signed)
            writer.lengthPrefixed([UInt8](repeating: 0xAB, count: length))
            writer.string(String(repeating: "ä", count: length))
            writer.byte(7)
            let read = try? Self.readBack(writer.bytes)
            #expect(read?.unsigned == unsigned && read?.signed == signed)
            #expect(read?.bytes == [UInt8](repeating: 0xAB, count: length) && read?.text == String(repeating: "ä", count: length))
        }
    }

    /// Reads what `writerReaderRoundTrip` wrote, refusing anything left over.
    static func readBack(_ bytes: [UInt8]) throws -> (unsigned: UInt64, signed: Int64, bytes: [UInt8], text: String) {
        var reader = ByteReader<ReadFailure>(bytes)
        let read = (try reader.varint(), try reader.signed(), try reader.lengthPrefixed(), try reader.string())
        guard try reader.byte() == 7 else { throw ReadFailure.malformed }
        try reader.expectEnd(of: "test")
        return read
    }

    @Test("zig-zag maps small magnitudes of either sign to small numbers")
    func zigZag() {
        #expect([0, -1, 1, -2, 2, Int64.min, Int64.max].map(ZigZag.encode) == [0, 1, 2, 3, 4, .max, .max - 1])
        for value: Int64 in [0, -1, 1, .min, .max, -300] { #expect(ZigZag.decode(ZigZag.encode(value)) == value) }
    }

    @Test("the reader refuses truncated, over-counted, non-UTF-8 and trailing input in the caller's error type")
    func readerRefusals() {
        var short = ByteReader<ReadFailure>([0x80])
        #expect(throws: ReadFailure.truncated) { try short.varint() }
        var hostile = ByteReader<ReadFailure>([0xFF, 0xFF, 0x03, 1, 2])
        #expect(throws: ReadFailure.malformed) { try hostile.lengthPrefixed() }
        var latin1 = ByteReader<ReadFailure>([1, 0xE4])
        #expect(throws: ReadFailure.malformed) { try latin1.string() }
        let trailing = ByteReader<ReadFailure>([1])
        #expect(throws: ReadFailure.malformed) { try trailing.expectEnd(of: "test") }
        var longVarint = ByteReader<ReadFailure>([UInt8](repeating: 0x80, count: 11))
        #expect(throws: ReadFailure.malformed) { try longVarint.varint() }
    }

    @Test("a frame prefix is read before its payload: incomplete, oversized and malformed told apart")
    func framePrefix() throws {
        let framed = Framing.frame([UInt8](repeating: 1, count: 300))
        #expect(Array(framed.prefix(2)) == [0xAC, 0x02])
        #expect(try Framing.readPrefix(of: framed.prefix(1), maxPayloadBytes: 1000) == nil)
        let prefix = try Framing.readPrefix(of: framed.prefix(2), maxPayloadBytes: 1000)
        #expect(prefix?.length == 300 && prefix?.prefixSize == 2)
        #expect(throws: FrameError.oversized(announced: 300, limit: 299)) {
            try Framing.readPrefix(of: framed, maxPayloadBytes: 299)
        }
        #expect(throws: FrameError.malformedLength) {
            try Framing.readPrefix(of: [UInt8](repeating: 0x80, count: Framing.maxPrefixBytes + 1), maxPayloadBytes: 1000)
        }
    }
}
