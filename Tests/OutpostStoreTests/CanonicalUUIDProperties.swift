import Foundation
@testable import OutpostSQLite
import PropertyBased
import Testing

/// Id columns are parsed by hand (`UUID(canonical:)`), not by `UUID(uuidString:)`: the
/// canonical text of every UUID must read back as that UUID, and a text that is not one
/// must be refused, never read as some other id.
@Suite("Id columns: the canonical UUID text parser")
struct CanonicalUUIDProperties {
    private static func uuid(_ high: UInt64, _ low: UInt64) -> UUID {
        var bytes: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &bytes) { raw in
            raw.storeBytes(of: high.bigEndian, toByteOffset: 0, as: UInt64.self)
            raw.storeBytes(of: low.bigEndian, toByteOffset: 8, as: UInt64.self)
        }
        return UUID(uuid: bytes)
    }

    @Test("The canonical text of any UUID, lower or upper case, reads back as that UUID")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen.uint64(), Gen.uint64(), Gen.bool) { high, low, upper in
            let uuid = Self.uuid(high, low)
            let text = upper ? uuid.uuidString.uppercased() : uuid.uuidString.lowercased()
            #expect(UUID(canonical: text) == uuid)
        }
    }

    @Test("A character replaced by one that does not belong there, or one dropped or added, is refused")
    func refusals() async {
        let hex = Set("0123456789abcdefABCDEF".utf8)
        await propertyCheck(count: 500, input: Gen.uint64(), Gen.uint64(), Gen.int(in: 0...35), Gen.uint8()) { high, low, position, byte in
            var utf8 = Array(Self.uuid(high, low).uuidString.lowercased().utf8)
            let isDash = [8, 13, 18, 23].contains(position)
            let replacement = isDash ? (byte == UInt8(ascii: "-") ? UInt8(ascii: "0") : byte) : (hex.contains(byte) ? UInt8(ascii: "g") : byte)
            let canonical = utf8
            utf8[position] = replacement
            #expect(UUID(canonical: String(decoding: utf8, as: UTF8.self)) == nil)
            var shorter = canonical
            shorter.remove(at: position)
            #expect(UUID(canonical: String(decoding: shorter, as: UTF8.self)) == nil)
            #expect(UUID(canonical: String(decoding: canonical + [UInt8(ascii: "0")], as: UTF8.self)) == nil)
        }
    }
}
