import ByteCoding
import MergeEngine
import OutpostModel
import SodiumKit

extension ByteLayout where Value == [RecordID: [UInt8]] {
    /// `count`, then per entry in ascending record-id order: the 16-byte record id and
    /// its 32-byte digest.
    static var digests: ByteLayout {
        .entries(text: .digests, ascending: { $0 < $1 }, write: { id, digest, writer in
            writer.raw(id.bytes)
            writer.raw(digest)
        }, read: { reader, _ throws(FieldProblem) in
            let bytes = try reader.raw(16)
            // Exactly 16 bytes, so the initializer cannot fail.
            let id = try! RecordID(bytes: bytes)
            return (id, try reader.raw(32))
        }, twice: { "record \($0) twice; each member has one digest" })
    }
}

extension ByteLayout where Value == [UInt8] {
    /// The 64 bytes of an Ed25519 signature, as they are.
    static var signature: ByteLayout {
        ByteLayout(text: .hex, write: { signature, writer in writer.raw(signature) },
                   read: { reader, _ throws(FieldProblem) in try reader.raw(64) })
    }
}

extension TextForm where Value == [RecordID: [UInt8]] {
    /// `record=digest` pairs in ascending record-id order, separated by `;`, the
    /// digest in lower-case hex: `3f2b…=9a1c…;…`.
    static var digests: TextForm {
        TextForm(hint: "record-id=hex-digest;…", readsEmpty: true, format: { digests in
            digests.sorted { $0.key < $1.key }.map { "\($0.key)=\(GenericHash.hex($0.value))" }.joined(separator: ";")
        }) { text, context throws(FieldProblem) in
            var digests: [RecordID: [UInt8]] = [:]
            for item in text.isEmpty ? [] : text.split(separator: ";", omittingEmptySubsequences: false) {
                let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw .invalid("has \"\(item)\" where record-id=hex-digest belongs") }
                let id: EntityID<Product> = try TextForm<EntityID<Product>>.reference().parse(String(parts[0]), context)
                let digest = try TextForm<[UInt8]>.hex.parse(String(parts[1]), context)
                guard digest.count == 32 else { throw .invalid("has a digest of \(digest.count) bytes; digests are 32 bytes") }
                digests[RecordID(id)] = digest
            }
            return digests
        }
    }
}

extension TextForm where Value == [UInt8] {
    /// Lower-case hex, two digits a byte.
    static var hex: TextForm {
        TextForm(hint: "hex digits", format: GenericHash.hex) { text, _ throws(FieldProblem) in
            let digits = Array(text.utf8)
            guard digits.count.isMultiple(of: 2) else { throw .invalid("has an odd number of hex digits") }
            var bytes: [UInt8] = []
            for index in stride(from: 0, to: digits.count, by: 2) {
                guard let byte = UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16) else {
                    throw .invalid("holds \"\(text)\", which is not hex")
                }
                bytes.append(byte)
            }
            return bytes
        }
    }
}
