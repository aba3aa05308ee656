@testable import FieldClient
import Foundation
import OutpostModel
import PropertyBased
import Testing

/// `ConfigurationOutcome.jsonText(needed:)` (what `outpost configure --json` prints)
/// against `JSONEncoder`, which wrote it before.
@Suite("configure --json text")
struct ConfigureJSONTests {
    /// The JSON `outpost configure --json` printed through `JSONEncoder`.
    struct Encoded: Encodable {
        struct Needed: Encodable { let id, code, name, price: String }
        let outcome: ConfigurationOutcome
        let needed: [Needed]

        enum CodingKeys: String, CodingKey { case needed }

        func encode(to encoder: any Encoder) throws {
            try outcome.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(needed, forKey: .needed)
        }
    }

    /// Text from `seed`'s bits: letters, quotes, backslashes, slashes, every control
    /// character, and non-ASCII letters and symbols.
    static func text(_ seed: UInt64) -> String {
        let pieces = ["a", "Z", " ", "\"", "\\", "/", "“", "é", "€", "🙂", "\u{7F}", "\u{2028}"]
            + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        var bits = seed
        return String((0..<Int(seed % 7)).map { _ in
            defer { bits /= 45 }
            return pieces[Int(bits % UInt64(pieces.count))]
        }.joined())
    }

    @Test("the text is JSONEncoder's, byte for byte, for any names, reasons, states and prices")
    func sameAsEncoder() async throws {
        let product = ProductID()
        await propertyCheck(count: 300, input: Gen.uint64().array(of: 0...6), Gen.uint64().array(of: 0...3), Gen.bool, Gen.bool) { seeds, neededSeeds, valid, priced in
            let states: [OptionOutcome.State] = [.selected, .forced, .excluded, .open]
            let options = seeds.map { seed in
                OptionOutcome(id: Self.text(seed >> 3), code: Self.text(seed >> 9), name: Self.text(seed >> 17),
                              state: states[Int(seed % 4)], reasons: (0..<Int(seed >> 60) % 3).map { Self.text(seed >> (20 + 7 * UInt64($0))) })
            }
            let price = priced ? ConfigurationPrice(amount: "12.50", currency: "EUR", priceBook: Self.text(seeds.first ?? 42)) : nil
            let outcome = ConfigurationOutcome(valid: valid, complete: valid && priced, price: price, options: options, conflict: nil, included: [])
            let needed = neededSeeds.map { seed in
                ProductOption(productID: product, code: Self.text(seed), name: Self.text(seed >> 21),
                              price: Money(minorUnits: Int64(seed % 100_000) - 50_000, currency: .eur), variable: Int(seed % 90) + 1)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let expected = try encoder.encode(Encoded(outcome: outcome, needed: needed.map {
                Encoded.Needed(id: $0.id.description, code: $0.code, name: $0.name, price: $0.price.decimalString)
            }))
            let text = outcome.jsonText(needed: needed)
            #expect(text == String(decoding: expected, as: UTF8.self))
        }
    }
}
