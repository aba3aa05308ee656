import MergeEngine

/// The outermost layer of every Outpost message: version, kind and a length-delimited body.
///
/// Layout (SPEC.md §2): `version: u8 = 1`, `kind: u8`, `length: LEB128`, `body: length bytes`.
/// The version comes first so that a peer speaking another version is refused before
/// anything else is read.
public struct Envelope: Hashable, Sendable {
    /// The only protocol version this build speaks.
    public static let currentVersion: UInt8 = 1
    /// The largest body accepted; larger ones are refused with `.oversized`.
    public static let maximumBodySize = 4 << 20

    /// What the body holds.
    public enum Kind: UInt8, Sendable, CaseIterable {
        case syncRequest = 1
        case syncResponse = 2
        case error = 15
    }

    public var kind: Kind
    public var body: [UInt8]

    public init(kind: Kind, body: [UInt8]) {
        self.kind = kind
        self.body = body
    }

    /// The envelope's bytes.
    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = [Envelope.currentVersion, kind.rawValue]
        LEB128.append(UInt64(body.count), to: &bytes)
        bytes += body
        return bytes
    }

    /// Decodes exactly one envelope; trailing bytes are an error.
    /// - Throws: `ProtocolError` naming what is wrong; nothing is partially decoded.
    public init(decoding bytes: [UInt8]) throws(ProtocolError) {
        guard bytes.count >= 2 else { throw ProtocolError(.truncated, "message is \(bytes.count) bytes; an envelope needs at least 3") }
        guard bytes[0] == Envelope.currentVersion else {
            throw ProtocolError(.unknownVersion, "protocol version \(bytes[0]) is not supported; this build speaks version \(Envelope.currentVersion)")
        }
        guard let kind = Kind(rawValue: bytes[1]) else {
            throw ProtocolError(.unknownMessage, "message kind \(bytes[1]) is unknown")
        }
        var offset = 2
        let length: UInt64
        do { length = try LEB128.read(bytes, at: &offset) } catch {
            throw ProtocolError(.truncated, "message ends inside its length")
        }
        guard length <= UInt64(Envelope.maximumBodySize) else {
            throw ProtocolError(.oversized, "body of \(length) bytes exceeds the limit of \(Envelope.maximumBodySize)")
        }
        guard bytes.count - offset == Int(length) else {
            throw ProtocolError(bytes.count - offset < Int(length) ? .truncated : .malformed,
                                "body is \(bytes.count - offset) bytes but the envelope announces \(length)")
        }
        self.init(kind: kind, body: Array(bytes[offset...]))
    }
}
