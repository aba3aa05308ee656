import ByteCoding
import Foundation
import MergeEngine
import OutpostProtocol
import SodiumKit
import SpecText
import SyncChannel
import Testing

/// Reads the `sealed` and `vector` lines of Protocol/SPEC.md (§11).
enum SealedSpec {
    /// Name → bytes of the lines starting with `prefix` (first and last columns).
    static func table(_ prefix: String) -> [String: [UInt8]] {
        Dictionary(SpecText.lines(prefix).map { ($0[0], SpecText.hex($0[$0.count - 1])) }, uniquingKeysWith: { $1 })
    }

    static let sealed = table("sealed")
    static let plain = table("vector")

    static func sealed(_ name: String) throws -> [UInt8] { try #require(sealed[name], "SPEC.md lacks `sealed \(name)`") }
    static func plain(_ name: String) throws -> [UInt8] { try #require(plain[name], "SPEC.md lacks `vector \(name)`") }

    /// The cursor of vectors request-update and request-writes, which every frame vector answers.
    static let cursor = SyncCursor(watermark: 1200, scopeVersion: 3)
    static let code = "ABCD-EFGH-JKMN"
    /// The salts of requests 42 and 43 in the vectors.
    static let salt42: [UInt8] = Array(0xa0...0xa7)
    static let salt43: [UInt8] = Array(0xb0...0xb7)

    static func keys() throws -> (device: KeyExchange.SessionKeys, server: KeyExchange.SessionKeys) {
        let device = try KeyExchange.KeyPair(publicKey: .init(sealed("device-public")), secretKey: .init(sealed("device-secret")))
        let server = try KeyExchange.KeyPair(publicKey: .init(sealed("server-public")), secretKey: .init(sealed("server-secret")))
        return (try KeyExchange.sessionKeys(client: device, serverPublicKey: server.publicKey),
                try KeyExchange.sessionKeys(server: server, clientPublicKey: device.publicKey))
    }

    /// The error `body` throws, if it is a ``ProtocolError``.
    static func error(_ body: () throws -> Void) -> ProtocolError? {
        do { try body() } catch { return error as? ProtocolError }
        return nil
    }
}

@Suite("Protocol SPEC.md sealed vectors")
struct SpecSealedVectorTests {
    @Test("Every sealed line of SPEC.md is checked here")
    func coverage() {
        let checked: Set = [
            "device-seed", "device-secret", "device-public", "server-seed", "server-secret", "server-public", "signing-seed", "server-signing",
            "key-up", "key-down",
            "nonce-request", "nonce-response", "nonce-enrol-request", "nonce-enrol-response", "request", "request-writes",
            "frame-final-ack", "frame-records", "frame-outcome", "frame-behind", "error", "wire-up", "wire-down", "code-id", "code-key",
            "enrol-request", "enrol-response",
        ]
        #expect(Set(SealedSpec.sealed.keys) == checked)
    }

    @Test("Key pairs come from their seeds; crypto_kx gives both sides the same up and down keys; the signing key from its seed")
    func keys() throws {
        for side in ["device", "server"] {
            let pair = try KeyExchange.KeyPair(seed: SealedSpec.sealed("\(side)-seed"))
            #expect(pair.secretKey.bytes == (try SealedSpec.sealed("\(side)-secret")))
            #expect(pair.publicKey.bytes == (try SealedSpec.sealed("\(side)-public")))
        }
        let (device, server) = try SealedSpec.keys()
        #expect(device.transmit.bytes == (try SealedSpec.sealed("key-up")))
        #expect(server.receive.bytes == (try SealedSpec.sealed("key-up")))
        #expect(device.receive.bytes == (try SealedSpec.sealed("key-down")))
        #expect(server.transmit.bytes == (try SealedSpec.sealed("key-down")))
        let signing = try SigningKeyPair(seed: SealedSpec.sealed("signing-seed"))
        #expect(signing.publicKey.bytes == (try SealedSpec.sealed("server-signing")))
    }

    @Test("Nonces: direction, counter and index little-endian, the request's salt, zero padding")
    func nonces() throws {
        #expect(AEAD.Nonce.fromCounter(42, direction: 1, salt: SealedSpec.salt42) == (try SealedSpec.sealed("nonce-request")))
        #expect(AEAD.Nonce.fromCounter(43, direction: 2, index: 1, salt: SealedSpec.salt43) == (try SealedSpec.sealed("nonce-response")))
        #expect(AEAD.Nonce.fromCounter(0, direction: 3) == (try SealedSpec.sealed("nonce-enrol-request")))
        #expect(AEAD.Nonce.fromCounter(0, direction: 4) == (try SealedSpec.sealed("nonce-enrol-response")))
    }

    @Test("An uncompressed sync request re-seals to the same bytes and opens only with its own header")
    func request() throws {
        let (device, server) = try SealedSpec.keys()
        let bytes = try SealedSpec.sealed("request")
        let plaintext = try SealedSpec.plain("request-update")
        #expect(try SealedRequest.seal(plaintext, device: 7, counter: 42, salt: SealedSpec.salt42, key: device.transmit) == bytes)
        #expect(Array(bytes[..<12]) == [0x01, 0x01, 0x07, 0x2a] + SealedSpec.salt42)
        let parsed = try SealedRequest(parsing: bytes)
        #expect(parsed.device == 7 && parsed.counter == 42 && parsed.salt == SealedSpec.salt42)
        #expect(try parsed.authenticate(key: server.receive).plaintext() == plaintext)
        let request = try SyncRequest(decoding: plaintext, device: ReplicaID(7), hub: ReplicaID.hub)
        #expect(request.cursor == SealedSpec.cursor && request.writes.count == 1)
        // The same body claimed under another counter no longer opens.
        var moved = bytes
        moved[3] = 43
        #expect(SealedSpec.error { _ = try SealedRequest(parsing: moved).authenticate(key: server.receive).plaintext() }?.code == .authenticationFailed)
        // Nor under another salt.
        var salted = bytes
        salted[4] ^= 0x01
        #expect(SealedSpec.error { _ = try SealedRequest(parsing: salted).authenticate(key: server.receive).plaintext() }?.code == .authenticationFailed)
        // Nor under the down key.
        #expect(SealedSpec.error { _ = try parsed.authenticate(key: server.transmit).plaintext() }?.code == .authenticationFailed)
    }

    @Test("A compressed sync request: the sealed body decompresses to the plaintext and re-seals to the same bytes")
    func compressedRequest() throws {
        let (device, server) = try SealedSpec.keys()
        let bytes = try SealedSpec.sealed("request-writes")
        let plaintext = try SealedSpec.plain("request-writes")
        #expect(Array(bytes[..<12]) == [0x01, 0x81, 0x07, 0x2b] + SealedSpec.salt43)
        let parsed = try SealedRequest(parsing: bytes)
        #expect(parsed.device == 7 && parsed.counter == 43)
        #expect(try parsed.authenticate(key: server.receive).plaintext() == plaintext)
        let header = Array(bytes[..<12])
        let nonce = AEAD.Nonce.fromCounter(43, direction: 1, salt: SealedSpec.salt43)
        let body = try AEAD.open(Array(bytes[12...]), key: server.receive, nonce: nonce, additionalData: header)
        #expect(body.count < plaintext.count)
        #expect(try LZMA.decompress(body, limit: WireFormat.maximumPlaintext) == plaintext)
        #expect(try header + AEAD.seal(body, key: device.transmit, nonce: nonce, additionalData: header) == bytes)
        #expect(try SyncRequest(decoding: plaintext, device: ReplicaID(7), hub: ReplicaID.hub).writes.count == 4)
    }

    @Test("Response frames re-seal to the same bytes and open only at their own counter and index")
    func frames() throws {
        let (device, server) = try SealedSpec.keys()
        let final = try SealedSpec.sealed("frame-final-ack")
        let finalPlain = try SealedSpec.plain("frame-final-ack")
        let (salt42, salt43) = (SealedSpec.salt42, SealedSpec.salt43)
        #expect(try ResponseFrames.Sealer(counter: 42, salt: salt42, key: server.transmit).seal(finalPlain, index: 0) == final)
        #expect(try ResponseFrames.Opener(counter: 42, salt: salt42, key: device.receive).open(final, index: 0) == finalPlain)
        #expect(SealedSpec.error { _ = try ResponseFrames.Opener(counter: 42, salt: salt42, key: device.receive).open(final, index: 1) }?.code == .authenticationFailed)
        #expect(SealedSpec.error { _ = try ResponseFrames.Opener(counter: 43, salt: salt42, key: device.receive).open(final, index: 0) }?.code == .authenticationFailed)
        #expect(SealedSpec.error { _ = try ResponseFrames.Opener(counter: 42, salt: salt43, key: device.receive).open(final, index: 0) }?.code == .authenticationFailed)
        let frame = try SyncResponseFrame(decoding: finalPlain, answering: SealedSpec.cursor, hub: ReplicaID.hub)
        #expect(frame.isFinal && frame.outcome?.acks == [.init(counter: 5, stamp: 1201)])

        let outcome = try SealedSpec.sealed("frame-outcome")
        let outcomePlain = try SealedSpec.plain("frame-outcome")
        #expect(try ResponseFrames.Sealer(counter: 43, salt: salt43, key: server.transmit).seal(outcomePlain, index: 1) == outcome)
        #expect(try ResponseFrames.Opener(counter: 43, salt: salt43, key: device.receive).open(outcome, index: 1) == outcomePlain)
        #expect(SealedSpec.error { _ = try ResponseFrames.Opener(counter: 43, salt: salt43, key: device.receive).open(outcome, index: 0) }?.code == .authenticationFailed)
    }

    @Test("The answer alone to a replayed request: kind 02, its own nonce, bound to the request's salt; it names the last accepted counter")
    func frameAlone() throws {
        let (device, server) = try SealedSpec.keys()
        let bytes = try SealedSpec.sealed("frame-behind")
        #expect(bytes.first == 0x02)
        let nonce = Array(bytes[1...24])
        let plaintext = try ResponseFrames.Opener(counter: 42, salt: SealedSpec.salt42, key: device.receive).open(bytes, index: 0)
        #expect(try [0x02] + nonce + AEAD.seal(plaintext, key: server.transmit, nonce: nonce, additionalData: [0x02] + SealedSpec.salt42) == bytes)
        let frame = try SyncResponseFrame(decoding: plaintext, answering: SealedSpec.cursor, hub: ReplicaID.hub)
        #expect(frame.isFinal && frame.behind == .init(last: 42, epochStart: 0) && frame.cursor == SealedSpec.cursor && frame.outcome == nil)
        #expect(SealedSpec.error { _ = try ResponseFrames.Opener(counter: 42, salt: SealedSpec.salt43, key: device.receive).open(bytes, index: 0) }?.code == .authenticationFailed)
    }

    @Test("A compressed response frame: kind 81, the body decompresses to the plaintext and re-seals to the same bytes")
    func compressedFrame() throws {
        let (device, server) = try SealedSpec.keys()
        let bytes = try SealedSpec.sealed("frame-records")
        let plaintext = try SealedSpec.plain("frame-records")
        #expect(bytes.first == 0x81)
        #expect(try ResponseFrames.Opener(counter: 43, salt: SealedSpec.salt43, key: device.receive).open(bytes, index: 0) == plaintext)
        let nonce = AEAD.Nonce.fromCounter(43, direction: 2, index: 0, salt: SealedSpec.salt43)
        let body = try AEAD.open(Array(bytes.dropFirst()), key: device.receive, nonce: nonce, additionalData: [0x81])
        #expect(try LZMAStreamDecoder().decompress(body, limit: WireFormat.maximumPlaintext) == plaintext)
        #expect(try [0x81] + AEAD.seal(body, key: server.transmit, nonce: nonce, additionalData: [0x81]) == bytes)
        let frame = try SyncResponseFrame(decoding: plaintext, answering: SealedSpec.cursor, hub: ReplicaID.hub)
        #expect(frame.records.count == 3 && !frame.isFinal)
    }

    @Test("The error frame carries its code and message in clear")
    func errorFrame() throws {
        let (device, _) = try SealedSpec.keys()
        let error = ProtocolError(.replayed, "request 42 of device 7 repeats an old counter (last accepted 42); refused as a replay")
        let bytes = try SealedSpec.sealed("error")
        #expect(ResponseFrames.error(error) == bytes)
        #expect(SealedSpec.error { _ = try ResponseFrames.Opener(counter: 42, salt: SealedSpec.salt42, key: device.receive).open(bytes, index: 0) } == error)
    }

    @Test("On TCP every request and frame is a LEB128 length and the payload")
    func wire() throws {
        for (wire, payload) in [("wire-up", "request"), ("wire-down", "frame-final-ack")] {
            let sealed = try SealedSpec.sealed(payload)
            var framed: [UInt8] = []
            LEB128.append(UInt64(sealed.count), to: &framed)
            #expect(framed + sealed == (try SealedSpec.sealed(wire)))
        }
    }

    @Test("Enrolment: code id and key from the normalised code; request and answer re-seal to the same bytes")
    func enrolment() throws {
        let codeID = try SealedSpec.sealed("code-id")
        let codeKey = try SealedSpec.sealed("code-key")
        for typed in [SealedSpec.code, "abcd efgh jkmn", "ABCDEFGHJKMN"] {
            #expect(try EnrolmentSeal.codeID(typed) == codeID)
            #expect(try EnrolmentSeal.key(typed).bytes == codeKey)
        }
        let key = try AEAD.Key(codeKey)
        let request = try EnrolmentRequest(decoding: SealedSpec.plain("enrol-request"))
        let sealedRequest = try SealedSpec.sealed("enrol-request")
        #expect(try EnrolmentSeal.sealRequest(request, code: SealedSpec.code) == sealedRequest)
        #expect(Array(sealedRequest[..<18]) == [0x01, 0x02] + codeID)
        #expect(try EnrolmentSeal.codeID(ofRequest: sealedRequest) == codeID)
        #expect(try EnrolmentSeal.openRequest(sealedRequest, key: key) == request)
        #expect(request.publicKey == (try SealedSpec.sealed("device-public")))

        let response = try EnrolmentResponse(decoding: SealedSpec.plain("enrol-response"))
        let sealedResponse = try SealedSpec.sealed("enrol-response")
        #expect(try EnrolmentSeal.sealResponse(response, key: key) == sealedResponse)
        #expect(try EnrolmentSeal.openResponse(sealedResponse, code: "abcd-efgh-jkmn") == response)
        #expect(response.serverPublicKey == (try SealedSpec.sealed("server-public")))
        #expect(response.serverSigningKey == (try SealedSpec.sealed("server-signing")))
        #expect(SealedSpec.error { _ = try EnrolmentSeal.openResponse(sealedResponse, code: "ABCD-EFGH-JKMP") }?.code == .authenticationFailed)
    }
}
