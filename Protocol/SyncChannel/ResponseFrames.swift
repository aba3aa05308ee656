import OutpostProtocol
import SodiumKit

/// Response frames on the wire (SPEC.md §2.2): `kind` · body. A sealed frame's body
/// is XChaCha20-Poly1305 under the server's transmit key, with the nonce derived
/// from the request's counter and salt and the frame's index (never sent) and the
/// kind byte as additional data; an old frame replayed into a later exchange fails to
/// open. A request the server does not process (its counter is not above the last
/// one accepted) is answered by one frame sealed under a random nonce sent with it
/// (kind `02`), bound to the request's salt: the server may answer a replayed request
/// several times, and a counter-derived nonce would then repeat.
/// Frames of at least 96 bytes are compressed as the next chunk of the response's
/// one LZMA2 stream (§2.4), so every batch gains from the ones before it.
/// An error frame is `0x0f` · `code` · UTF-8 message, unauthenticated: the device
/// shows it but never acts on it beyond stopping.
public enum ResponseFrames {
    /// Seals the frames of the response to one request, in order.
    public struct Sealer {
        /// The counter of the request answered.
        public let counter: UInt64
        let salt: [UInt8]
        let key: AEAD.Key
        private let compressor = LZMAStreamEncoder(preset: ResponseFrames.streamPreset)

        /// A sealer for the response to request `counter` sent with `salt`, under the server's transmit key.
        public init(counter: UInt64, salt: [UInt8], key: AEAD.Key) {
            self.counter = counter
            self.salt = salt
            self.key = key
        }

        /// Seals frame number `index`; frames must be sealed in index order. A content
        /// frame (`compressing: false`) travels uncompressed and leaves the stream as it is:
        /// documents are mostly compressed already, and LZMA would cost more CPU than it saves.
        public func seal(_ plaintext: [UInt8], index: UInt32, compressing: Bool = true) throws -> [UInt8] {
            var body = plaintext
            var kind = WireFormat.FrameKind.sealed.rawValue
            if compressing, plaintext.count >= WireFormat.compressionThreshold {
                body = try compressor.compress(plaintext)
                kind |= WireFormat.compressedBit
            }
            let nonce = AEAD.Nonce.fromCounter(counter, direction: WireFormat.Direction.response, index: index, salt: salt)
            return [kind] + (try AEAD.seal(body, key: key, nonce: nonce, additionalData: [kind]))
        }

        /// Seals the only frame of an answer to a request the server did not process,
        /// under a fresh random nonce sent with it (kind `02`, uncompressed).
        public func sealAlone(_ plaintext: [UInt8]) throws -> [UInt8] {
            let kind = WireFormat.FrameKind.sealedAlone.rawValue
            let nonce = try AEAD.Nonce.random()
            return [kind] + nonce + (try AEAD.seal(plaintext, key: key, nonce: nonce, additionalData: [kind] + salt))
        }
    }

    /// Opens the frames of the response to one request, in order.
    public struct Opener {
        let counter: UInt64
        let salt: [UInt8]
        let key: AEAD.Key
        private let decompressor = LZMAStreamDecoder()

        /// An opener for the response to request `counter` sent with `salt`, under the device's receive key.
        public init(counter: UInt64, salt: [UInt8], key: AEAD.Key) {
            self.counter = counter
            self.salt = salt
            self.key = key
        }

        /// Opens frame number `index`; frames must be opened in index order.
        /// - Throws: the server's error if it is an error frame; `.authenticationFailed`
        ///   if the frame was altered or belongs to another exchange.
        public func open(_ frame: [UInt8], index: UInt32) throws(ProtocolError) -> [UInt8] {
            guard let kind = frame.first else { throw ProtocolError(.truncated, "an empty response frame") }
            if kind == WireFormat.FrameKind.error.rawValue { throw serverError(frame) }
            if kind == WireFormat.FrameKind.sealedAlone.rawValue { return try openAlone(frame, index: index) }
            guard kind & ~WireFormat.compressedBit == WireFormat.FrameKind.sealed.rawValue else {
                throw ProtocolError(.unknownMessage, "response frame kind \(kind) is unknown")
            }
            let nonce = AEAD.Nonce.fromCounter(counter, direction: WireFormat.Direction.response, index: index, salt: salt)
            let body: [UInt8]
            do { body = try AEAD.open(Array(frame.dropFirst()), key: key, nonce: nonce, additionalData: [kind]) } catch {
                throw ProtocolError(.authenticationFailed, "response frame \(index) failed authentication: it was altered, replayed, or the server's key changed")
            }
            guard kind & WireFormat.compressedBit != 0 else { return try WireFormat.unpack(body, kind: kind) }
            return try decompressor.decompress(body, limit: WireFormat.maximumPlaintext)
        }

        /// Opens a kind `02` frame: the only frame of its answer, so only at index 0.
        private func openAlone(_ frame: [UInt8], index: UInt32) throws(ProtocolError) -> [UInt8] {
            let length = AEAD.Nonce.length
            guard frame.count >= 1 + length + AEAD.tagLength else { throw ProtocolError(.truncated, "response frame \(index) ends before its tag") }
            guard index == 0 else { throw ProtocolError(.authenticationFailed, "response frame \(index) failed authentication: a frame of kind 02 comes alone") }
            let nonce = Array(frame[1...length])
            do {
                return try AEAD.open(Array(frame[(1 + length)...]), key: key, nonce: nonce, additionalData: [frame[0]] + salt)
            } catch {
                throw ProtocolError(.authenticationFailed, "response frame \(index) failed authentication: it was altered, answers another request, or the server's key changed")
            }
        }
    }

    /// The encoder preset of a response's stream: preset 4, its search ending at 12-byte
    /// matches instead of 16 (the device's decoder is the same for every preset).
    /// Measured by `sync-load compression` (ARCHITECTURE.md): preset 4 costs 3% more
    /// bytes than preset 9 on the `medium` and `large` bootstraps for 0.55–0.63 of the
    /// server's compression CPU; the shorter search another 0.1% of bytes for about 12%
    /// less compression CPU (the DACH manager's `large` bootstrap). The `medium`
    /// bootstrap stays under 0.9 × `xz -9` of its CSV.
    static let streamPreset = LZMAPreset(level: 4, extreme: false, niceLength: 12)

    /// An error frame.
    public static func error(_ error: ProtocolError) -> [UInt8] {
        [WireFormat.FrameKind.error.rawValue, error.code.rawValue] + Array(error.message.utf8.prefix(400))
    }

    /// The error an error frame carries.
    static func serverError(_ frame: [UInt8]) -> ProtocolError {
        guard frame.count >= 2, let code = ProtocolError.Code(rawValue: frame[1]) else {
            return ProtocolError(.malformed, "the server sent an unreadable error frame")
        }
        return ProtocolError(code, String(decoding: frame.dropFirst(2), as: UTF8.self))
    }
}
