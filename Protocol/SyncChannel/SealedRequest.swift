import ByteCoding
import OutpostProtocol
import SodiumKit

/// A sync request on the wire (SPEC.md §2.1):
/// `version` · `kind` · `device: varint` · `counter: varint` · `salt: 8 bytes` · `ciphertext`.
///
/// The ciphertext is XChaCha20-Poly1305 under the device's transmit key with a nonce
/// derived from `counter` and `salt`, and the header as additional data, so no byte
/// can be changed unnoticed. The salt is drawn afresh for every request, so a device
/// restored from an older copy of its replica, which counts again from an older
/// counter, still never repeats a nonce. The server refuses any counter not above the
/// last one it accepted (a replay, or a restored device, which adopts the server's).
public struct SealedRequest: Hashable, Sendable {
    /// The kind byte as sent (the compressed bit included).
    let kind: UInt8
    /// The device's replica number.
    public let device: UInt32
    /// The request counter.
    public let counter: UInt64
    /// The request's random salt (``AEAD/Nonce/saltLength`` bytes), mixed into every
    /// nonce of the exchange.
    public let salt: [UInt8]
    /// The header bytes (authenticated as additional data).
    let header: [UInt8]
    /// The sealed body.
    let ciphertext: [UInt8]

    /// Seals `plaintext` from `device` under `key` (the device's transmit key), with
    /// `salt` a fresh ``AEAD/Nonce/salt()`` for every request; `kind` is `.sync` or `.content`.
    public static func seal(_ plaintext: [UInt8], device: UInt32, counter: UInt64, salt: [UInt8], key: AEAD.Key,
                            kind: WireFormat.RequestKind = .sync) throws(SodiumError) -> [UInt8] {
        precondition(kind != .enrol, "an enrolment request is sealed by EnrolmentSeal")
        precondition(salt.count == AEAD.Nonce.saltLength, "a request salt has \(AEAD.Nonce.saltLength) bytes")
        // Content requests carry chunk ids and chunks, which LZMA cannot shrink but would spend seconds on.
        let (body, bit) = kind == .content ? (plaintext, 0) : WireFormat.pack(plaintext)
        var writer = ByteWriter()
        writer.byte(WireFormat.version)
        writer.byte(kind.rawValue | bit)
        writer.varint(UInt64(device))
        writer.varint(counter)
        writer.raw(salt)
        let nonce = AEAD.Nonce.fromCounter(counter, direction: WireFormat.Direction.request, salt: salt)
        return writer.bytes + (try AEAD.seal(body, key: key, nonce: nonce, additionalData: writer.bytes))
    }

    /// What the request asks: a sync or content.
    public var requestKind: WireFormat.RequestKind {
        kind & ~WireFormat.compressedBit == WireFormat.RequestKind.content.rawValue ? .content : .sync
    }

    /// Reads the clear header of a sync (or content) request, so the server can find the device's key.
    public init(parsing bytes: [UInt8]) throws(ProtocolError) {
        var reader = ByteReader<ProtocolError>(bytes)
        try RequestHeader.checkVersion(&reader)
        let kind = try reader.byte()
        let base = kind & ~WireFormat.compressedBit
        guard base == WireFormat.RequestKind.sync.rawValue || base == WireFormat.RequestKind.content.rawValue else {
            throw ProtocolError(.unknownMessage, "request kind \(kind) is not a sync or content request")
        }
        let device = try reader.varint()
        guard device > 0, device <= UInt64(UInt32.max) else { throw ProtocolError(.unknownDevice, "device number \(device) is out of range") }
        let counter = try reader.varint()
        guard counter > 0 else { throw ProtocolError(.malformed, "request counter 0 is not allowed; counters start at 1") }
        let salt = try reader.raw(AEAD.Nonce.saltLength)
        guard reader.remaining >= AEAD.tagLength else { throw ProtocolError(.truncated, "the request ends before its authentication tag") }
        self.kind = kind
        self.device = UInt32(device)
        self.counter = counter
        self.salt = salt
        self.header = Array(bytes[..<reader.offset])
        self.ciphertext = Array(bytes[reader.offset...])
    }

    /// Authenticates and decrypts the body with the device's transmit key, leaving it
    /// compressed: cheap, so the server does it before the replay, revocation and rate
    /// checks, and inflates the body (``AuthenticatedBody/plaintext()``) only after them.
    public func authenticate(key: AEAD.Key) throws(ProtocolError) -> AuthenticatedBody {
        let nonce = AEAD.Nonce.fromCounter(counter, direction: WireFormat.Direction.request, salt: salt)
        do { return AuthenticatedBody(kind: kind, body: try AEAD.open(ciphertext, key: key, nonce: nonce, additionalData: header)) } catch {
            throw ProtocolError(.authenticationFailed, "the request from device \(device) failed authentication: wrong keys or altered bytes")
        }
    }
}

/// The authenticated body of a sync request, as sent (compressed or not).
public struct AuthenticatedBody: Sendable {
    /// The kind byte as sent (the compressed bit included).
    let kind: UInt8
    /// The decrypted body, still compressed if the kind says so.
    let body: [UInt8]

    /// Whether the body is compressed: reading it costs a decompression.
    public var isCompressed: Bool { kind & WireFormat.compressedBit != 0 }

    /// The plaintext `SyncRequest` bytes, inflated within the plaintext limit.
    public func plaintext() throws(ProtocolError) -> [UInt8] {
        try WireFormat.unpack(body, kind: kind)
    }
}

/// The request kind of raw request bytes, read before anything else.
public enum RequestHeader {
    /// The kind of request `bytes` holds.
    public static func kind(of bytes: [UInt8]) throws(ProtocolError) -> WireFormat.RequestKind {
        var reader = ByteReader<ProtocolError>(bytes)
        try checkVersion(&reader)
        let raw = try reader.byte()
        guard let kind = WireFormat.RequestKind(rawValue: raw & ~WireFormat.compressedBit) else {
            throw ProtocolError(.unknownMessage, "request kind \(raw) is unknown")
        }
        return kind
    }

    static func checkVersion(_ reader: inout ByteReader<ProtocolError>) throws(ProtocolError) {
        let version = try reader.byte()
        guard version == WireFormat.version else {
            throw ProtocolError(.unknownVersion, "protocol version \(version) is not supported; this server speaks version \(WireFormat.version). Update the client")
        }
    }
}
