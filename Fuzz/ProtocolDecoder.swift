// libFuzzer target for the protocol decoders (built by scripts/fuzz.sh, never by
// `swift build`). The first input byte picks a decoder, the rest is its input.
// Every decoder must either throw a `ProtocolError` or return a value that
// re-encodes canonically and decodes back to itself; anything else (a trap, an
// AddressSanitizer report, a failed round trip) is a finding.
import ByteCoding
import MergeEngine
import OutpostProtocol
import SodiumKit
import StateCoding
import SyncChannel

/// The decoders, by selector byte (the seeds in scripts/fuzz.sh use the same numbers).
enum Decoder: UInt8, CaseIterable {
    case syncRequest = 0
    case responseFrame = 1
    case sealedHeader = 2
    case enrolmentRequest = 3
    case enrolmentResponse = 4
    case recordState = 5
    case value = 6
    case time = 7
    case sealedRequestBody = 8
    case responseFrameSealed = 9
}

/// The cursor every decoded frame answers (as in SPEC.md §11).
let request = SyncCursor(watermark: 1200, scopeVersion: 3)
let hub = ReplicaID.hub
let device = ReplicaID(7)
/// A fixed key, so the fuzzer reaches past authentication on the sealed paths.
let key = try! AEAD.Key([UInt8](repeating: 0x42, count: 32))
let someID = try! RecordID(bytes: [UInt8](repeating: 0xAB, count: 16))

/// Stops the run with a message when a decoded value does not survive a round trip.
func expectRoundTrip<T: Equatable>(_ first: T, _ second: T, _ what: String) {
    if first != second { fatalError("\(what) does not round-trip: \(first) became \(second)") }
}

/// Reads one value from `bytes` with `read`; when it reads, writes it back with `write`
/// and expects reading that again to give the same value.
func expectStreamRoundTrip<T: Equatable>(
    _ bytes: [UInt8], _ what: String,
    read: (inout ByteReader<ProtocolError>) throws -> T, write: (T, inout ByteWriter) -> Void
) {
    var reader = ByteReader<ProtocolError>(bytes)
    guard let value = try? read(&reader) else { return }
    var writer = ByteWriter()
    write(value, &writer)
    var again = ByteReader<ProtocolError>(writer.bytes)
    expectRoundTrip(value, try! read(&again), what)
}

func fuzz(_ selector: UInt8, _ bytes: [UInt8]) {
    guard let decoder = Decoder(rawValue: selector % UInt8(Decoder.allCases.count)) else { return }
    switch decoder {
    case .syncRequest:
        guard let decoded = try? SyncRequest(decoding: bytes, device: device, hub: hub) else { return }
        expectRoundTrip(decoded, try! SyncRequest(decoding: decoded.encoded(hub: hub), device: device, hub: hub), "SyncRequest")
    case .responseFrame:
        guard let decoded = try? SyncResponseFrame(decoding: bytes, answering: request, hub: hub) else { return }
        let again = try! SyncResponseFrame(decoding: decoded.encoded(answering: request, hub: hub), answering: request, hub: hub)
        expectRoundTrip(decoded, again, "SyncResponseFrame")
    case .sealedHeader:
        _ = try? RequestHeader.kind(of: bytes)
        _ = try? EnrolmentSeal.codeID(ofRequest: bytes)
        if let sealed = try? SealedRequest(parsing: bytes) { _ = try? sealed.authenticate(key: key).plaintext() }
        _ = try? EnrolmentSeal.openRequest(bytes, key: key)
    case .enrolmentRequest:
        guard let decoded = try? EnrolmentRequest(decoding: bytes) else { return }
        expectRoundTrip(decoded, try! EnrolmentRequest(decoding: decoded.encoded()), "EnrolmentRequest")
    case .enrolmentResponse:
        guard let decoded = try? EnrolmentResponse(decoding: bytes) else { return }
        expectRoundTrip(decoded, try! EnrolmentResponse(decoding: decoded.encoded()), "EnrolmentResponse")
    case .recordState:
        guard let decoded = try? RecordStateCodec.decode(bytes, id: someID) else { return }
        expectRoundTrip(decoded, try! RecordStateCodec.decode(RecordStateCodec.encode(decoded), id: someID), "RecordState")
    case .value:
        expectStreamRoundTrip(bytes, "FieldValue", read: { try ValueCodec.read(from: &$0) }, write: { ValueCodec.write($0, to: &$1) })
    case .time:
        expectStreamRoundTrip(bytes, "time", read: { try ValueCodec.readTime(from: &$0) }, write: { ValueCodec.write($0, to: &$1) })
    case .sealedRequestBody:
        // The server's whole receive path past authentication: header, open, LZMA2
        // (when the first body byte is odd), decode.
        guard let first = bytes.first else { return }
        let salt = [UInt8](repeating: 0x5a, count: AEAD.Nonce.saltLength)
        let header: [UInt8] = [WireFormat.version, first & 1 == 1 ? 0x81 : 0x01, 7, 1] + salt
        let nonce = AEAD.Nonce.fromCounter(1, direction: 1, salt: salt)
        let sealed = header + (try! AEAD.seal(Array(bytes.dropFirst()), key: key, nonce: nonce, additionalData: header))
        guard let plaintext = try? SealedRequest(parsing: sealed).authenticate(key: key).plaintext() else { return }
        _ = try? SyncRequest(decoding: plaintext, device: device, hub: hub)
    case .responseFrameSealed:
        // The device's receive path: a frame opened (and decompressed) then decoded.
        guard let first = bytes.first else { return }
        let kind: UInt8 = first & 1 == 1 ? 0x81 : 0x01
        let salt = [UInt8](repeating: 0x5a, count: AEAD.Nonce.saltLength)
        let nonce = AEAD.Nonce.fromCounter(1, direction: 2, index: 0, salt: salt)
        let frame = [kind] + (try! AEAD.seal(Array(bytes.dropFirst()), key: key, nonce: nonce, additionalData: [kind]))
        guard let plaintext = try? ResponseFrames.Opener(counter: 1, salt: salt, key: key).open(frame, index: 0) else { return }
        _ = try? SyncResponseFrame(decoding: plaintext, answering: request, hub: hub)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func LLVMFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    fuzz(data[0], Array(UnsafeBufferPointer(start: data + 1, count: size - 1)))
    return 0
}
