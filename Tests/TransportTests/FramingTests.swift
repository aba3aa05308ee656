import ByteCoding
import ClientTransport
import Testing

@Suite("Framing")
struct FramingTests {
    @Test(
        "length prefixes are LEB128",
        arguments: [
            (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
            (16384, [0x80, 0x80, 0x01]),
        ] as [(Int, [UInt8])]
    )
    func prefixes(length: Int, prefix: [UInt8]) {
        let framed = Framing.frame([UInt8](repeating: 7, count: length))
        #expect(Array(framed.prefix(prefix.count)) == prefix)
        #expect(framed.count == Framing.framedSize(length))
    }

    @Test("the reader cuts frames however the bytes arrive")
    func readerByteByByte() throws {
        let payloads: [[UInt8]] = [[], [1], [UInt8](repeating: 9, count: 200), [UInt8](repeating: 3, count: 20_000)]
        let stream = payloads.flatMap(Framing.frame)
        var reader = FrameReader(maxPayloadBytes: 1 << 20)
        var decoded: [[UInt8]] = []
        for byte in stream {
            reader.feed([byte])
            while let payload = try reader.next() { decoded.append(payload) }
        }
        #expect(decoded == payloads)
        #expect(reader.bufferedByteCount == 0)
    }

    @Test("an announced length over the limit is refused before its payload arrives")
    func oversized() {
        var reader = FrameReader(maxPayloadBytes: 100)
        reader.feed(Framing.frame([UInt8](repeating: 0, count: 101)).prefix(2))
        #expect(throws: FrameError.oversized(announced: 101, limit: 100)) { try reader.next() }
    }

    @Test("a prefix longer than ten bytes is malformed")
    func malformed() {
        var reader = FrameReader(maxPayloadBytes: 100)
        reader.feed([UInt8](repeating: 0x80, count: 11))
        #expect(throws: FrameError.malformedLength) { try reader.next() }
    }
}
