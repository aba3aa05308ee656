import OutpostProtocol
import SodiumKit

/// Response frames on the wire (SPEC.md §2.2): `kind` · body. A sealed frame's body
/// is XChaCha20-Poly1305 under the server's transmit key, with the nonce derived
/// from the request's counter and the frame's index (never sent) and the kind byte
/// as additional data; an old frame replayed into a later exchange fails to open.
/// An error frame is `0x0f` · `code` · UTF-8 message, unauthenticated: the device
/// shows it but never acts on it beyond stopping.
public enum ResponseFrames {
    /// Seals frame number `index` of the response to request `counter`.
    public static func seal(_ plaintext: [UInt8], counter: UInt64, index: UInt32, key: AEAD.Key) throws(SodiumError) -> [UInt8] {
        let (body, bit) = WireFormat.pack(plaintext)
        let kind = WireFormat.FrameKind.sealed.rawValue | bit
        let nonce = AEAD.Nonce.fromCounter(counter, direction: WireFormat.Direction.response, index: index)
        return [kind] + (try AEAD.seal(body, key: key, nonce: nonce, additionalData: [kind]))
    }

    /// An error frame.
    public static func error(_ error: ProtocolError) -> [UInt8] {
        [WireFormat.FrameKind.error.rawValue, error.code.rawValue] + Array(error.message.utf8.prefix(400))
    }

    /// Opens frame number `index` of the response to request `counter`.
    /// - Throws: the server's error if it is an error frame; `.authenticationFailed`
    ///   if the frame was altered or belongs to another exchange.
    public static func open(_ frame: [UInt8], counter: UInt64, index: UInt32, key: AEAD.Key) throws(ProtocolError) -> [UInt8] {
        guard let kind = frame.first else { throw ProtocolError(.truncated, "an empty response frame") }
        if kind == WireFormat.FrameKind.error.rawValue { throw serverError(frame) }
        guard kind & ~WireFormat.compressedBit == WireFormat.FrameKind.sealed.rawValue else {
            throw ProtocolError(.unknownMessage, "response frame kind \(kind) is unknown")
        }
        let nonce = AEAD.Nonce.fromCounter(counter, direction: WireFormat.Direction.response, index: index)
        let body: [UInt8]
        do { body = try AEAD.open(Array(frame.dropFirst()), key: key, nonce: nonce, additionalData: [kind]) } catch {
            throw ProtocolError(.authenticationFailed, "response frame \(index) failed authentication: it was altered, replayed, or the server's key changed")
        }
        return try WireFormat.unpack(body, kind: kind)
    }

    /// The error an error frame carries.
    static func serverError(_ frame: [UInt8]) -> ProtocolError {
        guard frame.count >= 2, let code = ProtocolError.Code(rawValue: frame[1]) else {
            return ProtocolError(.malformed, "the server sent an unreadable error frame")
        }
        return ProtocolError(code, String(decoding: frame.dropFirst(2), as: UTF8.self))
    }
}
