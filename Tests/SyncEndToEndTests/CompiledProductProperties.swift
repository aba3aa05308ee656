@testable import FieldClient
import OutpostModel
import PropertyBased
import Testing

/// A product's compiled form (what `outpost configure` reads instead of every option
/// record) against the records it was compiled from, on random rule models.
@Suite("Configuring from a product's compiled form")
struct CompiledProductProperties {
    /// What configuring `choices` (a positive variable selects its option, a negative one
    /// deselects it, 9 names the option without a variable) answers, and the cheapest
    /// completion, or the refusal, in words.
    static func answers(_ configurator: ProductConfigurator, _ choices: [Int], book: PriceBook) -> String {
        let name = { (choice: Int) in choice.magnitude == 9 ? "extra" : "o\(choice.magnitude)" }
        let select = choices.filter { $0 > 0 }.map(name)
        let deselect = choices.filter { $0 < 0 }.map(name)
        do {
            let (outcome, needed) = try configurator.configureWithNeeds(select: select, deselect: deselect, priceBook: book)
            let suggestion = try? configurator.suggestion(select: select, deselect: deselect)
            return "\(outcome) needed \(needed) suggestion \(String(describing: suggestion))"
        } catch {
            return "refused: \(error)"
        }
    }

    @Test("Encoded and decoded, the compiled form configures as the records do, reasons, prices and completions alike")
    func randomModels() async throws {
        let clauses = Gen.int(in: -8...8).array(of: 1...3).array(of: 4...24)
        await propertyCheck(count: 150, input: clauses, Gen.int(in: 0...500).array(of: 8...8), Gen.int(in: -9...9).array(of: 0...3)) { clauses, prices, choices in
            let product = Product(sku: "RND", name: "Random", basePrice: Money(minorUnits: 10_000, currency: .eur))
            var options = (1...8).map { variable in
                ProductOption(productID: product.id, code: "o\(variable)", name: "Option \(variable % 5)",
                              price: Money(minorUnits: Int64(prices[variable - 1]), currency: .eur), variable: variable)
            }
            options.append(ProductOption(productID: product.id, code: "extra", name: "Extra", price: Money(minorUnits: 99, currency: .eur)))
            let model = ConfiguratorModel(productID: product.id, variableCount: 9,
                                          clauses: clauses.map { $0.map { Int32($0 == 0 ? 9 : $0) } })
            let book = PriceBook(name: "Standard EUR", currency: .eur, entries: [product.id: product.basePrice])
            let records = Catalog(products: [product], options: options.reversed(), models: [model], priceBooks: [book], signingKey: nil)
            let fromRecords = try ProductConfigurator(verified: records, product: product)

            let (form, fromRoot) = try fromRecords.compiled()
            let decoded = try #require(try CompiledProduct.decode(form.encode(), product: product.id))
            #expect(decoded == form)
            let pricing = Catalog(products: [product], options: [], models: [], priceBooks: [book], signingKey: nil)
            let fromCompiled = try ProductConfigurator(compiled: decoded, product: product, pricing: pricing)
            let expected = Self.answers(fromRecords, choices, book: book)
            #expect(Self.answers(fromCompiled, choices, book: book) == expected, "clauses \(clauses), choices \(choices)")
            #expect(Self.answers(fromRoot, choices, book: book) == expected)
        }
    }

    @Test("Bytes that are not a compiled product are refused; the earlier form, the root alone, is compiled again")
    func malformedBytes() throws {
        let product = ProductID()
        #expect(try CompiledProduct.decode([1, 0], product: product) == nil)
        let form = CompiledProduct(pricingDigest: Array(repeating: 7, count: 32), options: [], model: nil, root: nil)
        let bytes = form.encode()
        #expect(try CompiledProduct.decode(bytes, product: product) == form)
        for malformed in [[], [3] + bytes.dropFirst(), Array(bytes.dropLast()), bytes + [0]] {
            #expect(throws: (any Error).self, "\(malformed)") { try CompiledProduct.decode(malformed, product: product) }
        }
    }
}
