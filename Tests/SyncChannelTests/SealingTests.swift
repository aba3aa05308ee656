import OutpostProtocol
import PropertyBased
import SodiumKit
import SyncChannel
import Testing

@Suite("Sealed requests and response frames")
struct SealingTests {
    /// A device's and the server's session keys, derived the way enrolment sets them up.
    static func keys() throws -> (device: KeyExchange.SessionKeys, server: KeyExchange.SessionKeys) {
        let device = try KeyExchange.KeyPair.generate()
        let server = try KeyExchange.KeyPair.generate()
        return (try KeyExchange.sessionKeys(client: device, serverPublicKey: server.publicKey),
                try KeyExchange.sessionKeys(server: server, clientPublicKey: device.publicKey))
    }

    @Test("A sealed request opens with the server's key, whatever its size, compressed or not")
    func requestRoundTrip() async throws {
        let (device, server) = try Self.keys()
        await propertyCheck(count: 200, input: Gen.uint8(in: 0...3).array(of: 0...3000), Gen.uint64(in: 1...UInt64.max)) { body, counter in
            let salt = try AEAD.Nonce.salt()
            let bytes = try SealedRequest.seal(body, device: 42, counter: counter, salt: salt, key: device.transmit)
            let request = try SealedRequest(parsing: bytes)
            #expect(request.device == 42 && request.counter == counter && request.salt == salt)
            #expect(try request.authenticate(key: server.receive).plaintext() == body)
        }
    }

    @Test("Any flipped byte of a request is refused; so is another device's key")
    func requestTampering() throws {
        let (device, server) = try Self.keys()
        let (_, stranger) = try Self.keys()
        let bytes = try SealedRequest.seal(Array("pending writes".utf8), device: 5, counter: 9, salt: try AEAD.Nonce.salt(), key: device.transmit)
        for index in bytes.indices {
            var altered = bytes
            altered[index] ^= 0x20
            let opened = try? SealedRequest(parsing: altered).authenticate(key: server.receive).plaintext()
            #expect(opened == nil, "flipping byte \(index) went unnoticed")
        }
        #expect(throws: ProtocolError.self) { try SealedRequest(parsing: bytes).authenticate(key: stranger.receive).plaintext() }
    }

    @Test("An empty sync request costs header, salt and tag: 28 bytes for a 1-byte body")
    func requestOverhead() throws {
        let (device, _) = try Self.keys()
        let bytes = try SealedRequest.seal([0], device: 3, counter: 7, salt: try AEAD.Nonce.salt(), key: device.transmit)
        #expect(bytes.count == 1 + 1 + 1 + 1 + AEAD.Nonce.saltLength + 1 + AEAD.tagLength)
    }

    @Test("Two requests under one counter (a device restored from an older copy) never share a nonce: the salts differ, and so does every keystream byte")
    func repeatedCounterNewNonce() throws {
        let (device, server) = try Self.keys()
        let first = try SealedRequest.seal(Array("call logged before the copy was restored".utf8), device: 5, counter: 2,
                                           salt: try AEAD.Nonce.salt(), key: device.transmit)
        let second = try SealedRequest.seal(Array("call logged after the copy was restored!".utf8), device: 5, counter: 2,
                                            salt: try AEAD.Nonce.salt(), key: device.transmit)
        let (a, b) = (try SealedRequest(parsing: first), try SealedRequest(parsing: second))
        #expect(a.counter == b.counter && a.salt != b.salt)
        #expect(AEAD.Nonce.fromCounter(2, direction: 1, salt: a.salt) != AEAD.Nonce.fromCounter(2, direction: 1, salt: b.salt))
        // Under a reused nonce, equal plaintext bytes at the same position would give equal ciphertext bytes.
        let header = 4 + AEAD.Nonce.saltLength
        let same = zip(first.dropFirst(header), second.dropFirst(header)).prefix(20).filter { $0 == $1 }.count
        #expect(same < 5)
        #expect(try b.authenticate(key: server.receive).plaintext() == Array("call logged after the copy was restored!".utf8))
    }

    @Test("Response frames open only at their own counter, salt and index")
    func frames() throws {
        let (device, server) = try Self.keys()
        let salt = try AEAD.Nonce.salt()
        let frame = try ResponseFrames.Sealer(counter: 12, salt: salt, key: server.transmit).seal(Array("batch".utf8), index: 3)
        #expect(try ResponseFrames.Opener(counter: 12, salt: salt, key: device.receive).open(frame, index: 3) == Array("batch".utf8))
        #expect(throws: ProtocolError.self) { try ResponseFrames.Opener(counter: 12, salt: salt, key: device.receive).open(frame, index: 2) }
        #expect(throws: ProtocolError.self) { try ResponseFrames.Opener(counter: 13, salt: salt, key: device.receive).open(frame, index: 3) }
        #expect(throws: ProtocolError.self) { try ResponseFrames.Opener(counter: 12, salt: try AEAD.Nonce.salt(), key: device.receive).open(frame, index: 3) }
    }

    @Test("A frame sealed alone carries its own random nonce: two answers to one request differ, each opens only for that request's salt")
    func framesAlone() throws {
        let (device, server) = try Self.keys()
        let salt = try AEAD.Nonce.salt()
        let sealer = ResponseFrames.Sealer(counter: 12, salt: salt, key: server.transmit)
        let (one, two) = (try sealer.sealAlone([1, 2, 3]), try sealer.sealAlone([1, 2, 3]))
        #expect(one.first == 0x02 && one != two && one.count == 1 + AEAD.Nonce.length + 3 + AEAD.tagLength)
        #expect(try ResponseFrames.Opener(counter: 12, salt: salt, key: device.receive).open(two, index: 0) == [1, 2, 3])
        #expect(throws: ProtocolError.self) { try ResponseFrames.Opener(counter: 12, salt: try AEAD.Nonce.salt(), key: device.receive).open(one, index: 0) }
        #expect(throws: ProtocolError.self) { try ResponseFrames.Opener(counter: 12, salt: salt, key: device.receive).open(one, index: 1) }
    }

    @Test("The frames of one response share an LZMA2 stream: each opens on arrival, a repeated batch costs little the second time")
    func sharedStream() throws {
        let (device, server) = try Self.keys()
        let batches = (0..<4).map { round in
            Array((0..<300).map { "account \($0 * 7919 % 1000), Kessler Werkzeuge \($0 % 13), Munich; " }.joined().utf8) + [UInt8(round)]
        }
        let salt = try AEAD.Nonce.salt()
        let sealer = ResponseFrames.Sealer(counter: 5, salt: salt, key: server.transmit)
        let frames = try batches.enumerated().map { try sealer.seal($0.element, index: UInt32($0.offset)) }
        #expect(frames.allSatisfy { $0.first == 0x81 })
        #expect(frames[1].count * 4 < frames[0].count, "the second copy of a batch should cost a fraction of the first")
        let opener = ResponseFrames.Opener(counter: 5, salt: salt, key: device.receive)
        for (index, frame) in frames.enumerated() {
            #expect(try opener.open(frame, index: UInt32(index)) == batches[index])
        }
        let skipping = ResponseFrames.Opener(counter: 5, salt: salt, key: device.receive)
        #expect(throws: ProtocolError.self) { try skipping.open(frames[1], index: 1) }
    }

    @Test("An error frame surfaces the server's code and message")
    func errorFrame() throws {
        let (device, _) = try Self.keys()
        let frame = ResponseFrames.error(ProtocolError(.replayed, "counter 4 was already used"))
        #expect {
            try ResponseFrames.Opener(counter: 4, salt: [], key: device.receive).open(frame, index: 0)
        } throws: { ($0 as? ProtocolError) == ProtocolError(.replayed, "counter 4 was already used") }
    }

    @Test("Compression shrinks repetitive batches and refuses a bomb beyond the limit")
    func compression() throws {
        let text = Array(String(repeating: "Acme GmbH, Munich, DE; ", count: 400).utf8)
        let packed = try #require(LZMA.compress(text))
        #expect(packed.count * 10 < text.count)
        #expect(try LZMA.decompress(packed, limit: text.count) == text)
        #expect(throws: ProtocolError.self) { try LZMA.decompress(packed, limit: text.count - 1) }
        #expect(throws: ProtocolError.self) { try LZMA.decompress(Array(packed.dropLast(3)), limit: text.count) }
        #expect(LZMA.compress([1, 2, 3]) == nil)
    }

    @Test("Enrolment opens only with the same code, typed in any case or grouping")
    func enrolment() throws {
        let request = EnrolmentRequest(publicKey: Array(repeating: 1, count: 32), label: "laptop")
        let bytes = try EnrolmentSeal.sealRequest(request, code: "abcd-efgh-jkmn")
        #expect(try EnrolmentSeal.codeID(ofRequest: bytes) == EnrolmentSeal.codeID("ABCDEFGHJKMN"))
        #expect(try EnrolmentSeal.openRequest(bytes, key: EnrolmentSeal.key("ABCD EFGH JKMN")) == request)
        #expect(throws: ProtocolError.self) { try EnrolmentSeal.openRequest(bytes, key: EnrolmentSeal.key("ABCD-EFGH-JKMP")) }
        let response = EnrolmentResponse(deviceNumber: 4, serverPublicKey: Array(repeating: 2, count: 32),
                                         serverSigningKey: Array(repeating: 3, count: 32), userName: "rep.small",
                                         role: "rep", territories: ["Bavaria"], syncPort: 9000)
        let frame = try EnrolmentSeal.sealResponse(response, key: EnrolmentSeal.key("ABCDEFGHJKMN"))
        #expect(try EnrolmentSeal.openResponse(frame, code: "abcd-efgh-jkmn") == response)
        #expect(throws: ProtocolError.self) { try EnrolmentSeal.openResponse(frame, code: "ABCDEFGHJKMP") }
    }
}
