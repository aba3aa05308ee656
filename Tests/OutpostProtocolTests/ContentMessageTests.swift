import OutpostProtocol
import Testing

@Suite("Content requests and frames (SPEC.md §12)")
struct ContentMessageTests {
    let id = (0..<32).map { UInt8($0) }

    @Test("a content request is 00, the count, then each 32-byte id; it decodes back")
    func request() throws {
        let request = ContentRequest(wants: [id])
        #expect(request.encoded() == [0x00, 0x01] + id)
        #expect(try ContentRequest(decoding: request.encoded()) == request)
        #expect(try ContentRequest(decoding: [0x00, 0x00]).wants.isEmpty)
    }

    @Test("frames: 01 id length bytes, or 02 withheld; both decode back")
    func frames() throws {
        let chunk = ContentFrame.chunk(id: id, bytes: [7, 8, 9])
        #expect(chunk.encoded() == [0x01] + id + [0x03, 7, 8, 9])
        #expect(try ContentFrame(decoding: chunk.encoded()) == chunk)
        #expect(ContentFrame.final(withheld: 0).encoded() == [0x02, 0x00])
        #expect(try ContentFrame(decoding: [0x02, 0x05]) == .final(withheld: 5))
    }

    @Test("malformed requests and frames are refused with a protocol error",
          arguments: [[0x01, 0x00], [0x00, 0x02] + Array(repeating: 0, count: 32), [0x00, 0x00, 0x00], []] as [[UInt8]])
    func malformedRequest(bytes: [UInt8]) {
        #expect(throws: ProtocolError.self) { try ContentRequest(decoding: bytes) }
    }

    @Test("malformed frames are refused", arguments: [[0x03], [0x01] + Array(repeating: 0, count: 32) + [0x05, 1], [0x02, 0x00, 0x01], [0x02, 0x00, 0x00, 0x00], []] as [[UInt8]])
    func malformedFrame(bytes: [UInt8]) {
        #expect(throws: ProtocolError.self) { try ContentFrame(decoding: bytes) }
    }
}

@Suite("Content uploads (SPEC.md §12.1)")
struct ContentUploadTests {
    let id = (0..<32).map { UInt8($0) }

    @Test("an upload is flag 01, the wants, the document's size, then each chunk's id, length and bytes")
    func upload() throws {
        let request = ContentRequest(wants: [], upload: .init(documentSize: 3, chunks: [.init(id: id, bytes: [7, 8, 9])]))
        #expect(request.encoded() == [0x01, 0x00, 0x03, 0x01] + id + [0x03, 7, 8, 9])
        #expect(try ContentRequest(decoding: request.encoded()) == request)
    }

    @Test("the final frame says whether an upload was stored or why it was refused")
    func outcomes() throws {
        #expect(ContentFrame.final(withheld: 0, upload: .stored).encoded() == [0x02, 0x00, 0x00])
        #expect(try ContentFrame(decoding: [0x02, 0x00, 0x00]) == .final(withheld: 0, upload: .stored))
        let refused = ContentFrame.final(withheld: 1, upload: .refused("too large"))
        #expect(try ContentFrame(decoding: refused.encoded()) == refused)
        #expect(throws: ProtocolError.self) { try ContentFrame(decoding: [0x02, 0x00, 0x07]) }
    }
}
