@testable import FieldClient
import Foundation
import OutpostModel
import PropertyBased
import Testing

/// `outpost configure --json`, written directly (`ConfigurationOutcome.prettyJSON`), against
/// what `JSONEncoder` writes with the CLI's `--json` settings.
@Suite("The JSON of outpost configure")
struct ConfigurationJSONProperties {
    /// The answer as `JSONEncoder` encodes it: the outcome's keys and `needed`.
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

    /// Characters JSON escapes or that are easy to get wrong.
    static let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{8}", "\u{c}", "\u{0}", "\u{1}", "\u{1f}", "\u{7f}",
                         "é", "“", "\u{2028}", "😀", "{", "]", ":", ","]

    static func text(_ indices: [Int]) -> String { indices.map { pieces[$0 % pieces.count] }.joined() }

    @Test("Written directly, byte for byte as JSONEncoder writes it, for any names, reasons, states and prices")
    func asJSONEncoder() async throws {
        let texts = Gen.int(in: 0...100).array(of: 0...6).array(of: 0...12)
        await propertyCheck(count: 300, input: texts, Gen.int(in: 0...7).array(of: 0...6), Gen.uint64()) { texts, states, seed in
            let product = ProductID()
            let text = { (index: Int) in texts.isEmpty ? "" : Self.text(texts[index % texts.count]) }
            let options = states.enumerated().map { index, state in
                OptionOutcome(id: ProductOptionID().description, code: text(index), name: text(index + 1),
                              state: [.selected, .forced, .excluded, .open][state % 4],
                              reasons: (0..<(state / 2)).map { text(index + $0 + 2) })
            }
            let needed = (0..<Int(seed % 3)).map { index in
                ProductOption(productID: product, code: text(index + 3), name: text(index + 4),
                              price: Money(minorUnits: Int64(seed % 100_000) * Int64(index + 1), currency: .eur))
            }
            let price = seed & 8 == 0 ? nil : ConfigurationPrice(amount: "\(seed % 1_000).50", currency: "EUR", priceBook: text(5))
            let outcome = ConfigurationOutcome(valid: seed & 16 == 0, complete: seed & 32 == 0, price: price, options: options,
                                               conflict: nil, included: [])
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let expected = String(decoding: try encoder.encode(Encoded(outcome: outcome, needed: needed.map {
                Encoded.Needed(id: $0.id.description, code: $0.code, name: $0.name, price: $0.price.decimalString)
            })), as: UTF8.self)
            #expect(String(decoding: outcome.prettyJSON(needed: needed), as: UTF8.self) == expected)
        }
    }
}
