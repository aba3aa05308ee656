import OutpostProtocol
import SodiumKit

/// Enrolment on the wire (SPEC.md §6): `version` · `0x02` · `code id: 16 bytes` ·
/// ciphertext; the answer is one response frame.
///
/// The one-time code never travels: both sides derive from it a 16-byte code id (the
/// server stores only that) and a key that seals the request and the answer, so an
/// eavesdropper learns neither the device's nor the server's public key binding, and
/// a server that does not know the code cannot answer.
public enum EnrolmentSeal {
    /// The code as a person may type it, normalised: upper case, no dashes or spaces.
    public static func normalise(_ typed: String) -> [UInt8] {
        Array(typed.uppercased().filter { $0 != "-" && $0 != " " }.utf8)
    }

    /// The code id the server stores and looks codes up by.
    public static func codeID(_ typed: String) throws(SodiumError) -> [UInt8] {
        try GenericHash.hash(normalise(typed), outputLength: 16, key: Array("outpost enrolment code id v1".utf8))
    }

    /// The key that seals both directions of the enrolment (the server stores it
    /// beside the code id when it issues the code).
    public static func key(_ typed: String) throws(SodiumError) -> AEAD.Key {
        try AEAD.Key(GenericHash.hash(normalise(typed), outputLength: 32, key: Array("outpost enrolment key v1".utf8)))
    }

    /// The request bytes a device sends.
    public static func sealRequest(_ request: EnrolmentRequest, code: String) throws(SodiumError) -> [UInt8] {
        let header = [WireFormat.version, WireFormat.RequestKind.enrol.rawValue] + (try codeID(code))
        let nonce = AEAD.Nonce.fromCounter(0, direction: WireFormat.Direction.enrolRequest)
        return header + (try AEAD.seal(request.encoded(), key: try key(code), nonce: nonce, additionalData: header))
    }

    /// The code id of an enrolment request, read before the server looks the code up.
    public static func codeID(ofRequest bytes: [UInt8]) throws(ProtocolError) -> [UInt8] {
        guard try RequestHeader.kind(of: bytes) == .enrol else { throw ProtocolError(.unknownMessage, "not an enrolment request") }
        guard bytes.count >= 2 + 16 + AEAD.tagLength else { throw ProtocolError(.truncated, "the enrolment request is cut short") }
        return Array(bytes[2..<18])
    }

    /// Opens a request with the key the server stored under its code id.
    public static func openRequest(_ bytes: [UInt8], key: AEAD.Key) throws(ProtocolError) -> EnrolmentRequest {
        _ = try codeID(ofRequest: bytes)
        let nonce = AEAD.Nonce.fromCounter(0, direction: WireFormat.Direction.enrolRequest)
        let plaintext: [UInt8]
        do {
            plaintext = try AEAD.open(Array(bytes[18...]), key: key, nonce: nonce, additionalData: Array(bytes[..<18]))
        } catch {
            throw ProtocolError(.enrolmentRefused, "the enrolment request failed authentication; check the code")
        }
        return try EnrolmentRequest(decoding: plaintext)
    }

    /// Seals the server's answer under the code's key.
    public static func sealResponse(_ response: EnrolmentResponse, key: AEAD.Key) throws(SodiumError) -> [UInt8] {
        let kind = WireFormat.FrameKind.sealed.rawValue
        let nonce = AEAD.Nonce.fromCounter(0, direction: WireFormat.Direction.enrolResponse)
        return [kind] + (try AEAD.seal(response.encoded(), key: key, nonce: nonce, additionalData: [kind]))
    }

    /// Opens the server's answer.
    public static func openResponse(_ frame: [UInt8], code: String) throws(ProtocolError) -> EnrolmentResponse {
        guard let kind = frame.first else { throw ProtocolError(.truncated, "the enrolment answer is empty") }
        if kind == WireFormat.FrameKind.error.rawValue { throw ResponseFrames.serverError(frame) }
        let nonce = AEAD.Nonce.fromCounter(0, direction: WireFormat.Direction.enrolResponse)
        let plaintext: [UInt8]
        do {
            plaintext = try AEAD.open(Array(frame.dropFirst()), key: try key(code), nonce: nonce, additionalData: [kind])
        } catch {
            throw ProtocolError(.authenticationFailed, "the enrolment answer failed authentication: this server does not know the code")
        }
        return try EnrolmentResponse(decoding: plaintext)
    }
}
