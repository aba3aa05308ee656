import ByteCoding
import SodiumKit

extension ByteLayout where Value == [UInt8] {
    /// The 64 bytes of an Ed25519 signature, as they are.
    static var signature: ByteLayout { fixed(64) }

    /// The 32 bytes of a BLAKE2b-256 digest, as they are.
    static var digest: ByteLayout { fixed(32) }

    /// Exactly `count` bytes, as they are; lower-case hex as text.
    private static func fixed(_ count: Int) -> ByteLayout {
        ByteLayout(text: .hex, write: { bytes, writer in writer.raw(bytes) },
                   read: { reader, _ throws(FieldProblem) in try reader.raw(count) })
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
