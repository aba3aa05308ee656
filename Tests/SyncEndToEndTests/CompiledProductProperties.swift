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
    /// completion, or the refusal, in words; with `reasons: false`, each option's state
    /// without the words explaining it.
    static func answers(_ configurator: ProductConfigurator, _ choices: [Int], book: PriceBook, reasons: Bool = true) -> String {
        let name = { (choice: Int) in choice.magnitude == 9 ? "extra" : "o\(choice.magnitude)" }
        let select = choices.filter { $0 > 0 }.map(name)
        let deselect = choices.filter { $0 < 0 }.map(name)
        do {
            let (outcome, needed) = try configurator.configureWithNeeds(select: select, deselect: deselect, priceBook: book)
            let suggestion = try? configurator.suggestion(select: select, deselect: deselect)
            let answer = reasons ? "\(outcome)" : "\(outcome.valid) \(outcome.complete) \(String(describing: outcome.price)) "
                + "\(outcome.options.map { "\($0.code) \($0.state)" }) \(outcome.included)"
            return "\(answer) needed \(needed) suggestion \(String(describing: suggestion))"
        } catch {
            return "refused: \(error)"
        }
    }

    /// The random product: options `o1`…`o8` on variables 1…8 (named "Option 0"…"Option 4",
    /// so some share a name), `extra` without a variable, and a rule model of `clauses`
    /// (0 stands for variable 9, which no option has); its price book; and its
    /// configurator read from those records, without a root.
    static func configurator(clauses: [[Int]], prices: [Int]) throws -> (Product, PriceBook, ProductConfigurator) {
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
        return (product, book, try ProductConfigurator(verified: records, product: product))
    }

    /// The compiled form is compared with the records starting from the root they compute
    /// (as a device configures from records): the same state reached with and without the
    /// root may be explained by different minimal explanations (a root-forced option's
    /// explanation cites no choice), so the records without a root are compared on
    /// everything but those words.
    @Test("Encoded and decoded, the compiled form configures as the records do, reasons, prices and completions alike")
    func randomModels() async throws {
        let clauses = Gen.int(in: -8...8).array(of: 1...3).array(of: 4...24)
        await propertyCheck(count: 150, input: clauses, Gen.int(in: 0...500).array(of: 8...8), Gen.int(in: -9...9).array(of: 0...3)) { clauses, prices, choices in
            let (product, book, fromRecords) = try Self.configurator(clauses: clauses, prices: prices)
            let (form, fromRoot) = try fromRecords.compiled()
            let decoded = try #require(try CompiledProduct.decode(form.encode(), product: product.id))
            #expect(decoded == form)
            let pricing = Catalog(products: [product], options: [], models: [], priceBooks: [book], signingKey: nil)
            let fromCompiled = try ProductConfigurator(compiled: decoded, product: product, pricing: pricing)
            let expected = Self.answers(fromRoot, choices, book: book)
            #expect(Self.answers(fromCompiled, choices, book: book) == expected, "clauses \(clauses), choices \(choices)")
            #expect(Self.answers(fromRecords, choices, book: book, reasons: false) == Self.answers(fromRoot, choices, book: book, reasons: false),
                    "clauses \(clauses), choices \(choices)")
        }
    }

    @Test("An option the rules alone exclude is explained by the rules once the root is known, though a choice excludes it too")
    func rootExplanationCitesNoChoice() throws {
        // o4 needs o2, o6 (through o3's exclusion) and so o1, which excludes o2: no
        // configuration has o4. Choosing o2 also excludes it, by a shorter path.
        let clauses = [[-4, 6, 3], [1, -6], [2, -4], [-2, -1], [-4, -3]]
        let (_, book, fromRecords) = try Self.configurator(clauses: clauses, prices: Array(repeating: 0, count: 8))
        let fromRoot = try fromRecords.compiled().configurator
        let option4 = { (configurator: ProductConfigurator) in
            try #require(try configurator.configure(select: ["o2"], deselect: [], priceBook: book).options.first { $0.code == "o4" })
        }
        let rooted = try option4(fromRoot), unrooted = try option4(fromRecords)
        #expect(rooted.state == .excluded && unrooted.state == .excluded)
        #expect(rooted.reasons.count == 1 && !rooted.reasons[0].contains("you chose"), "\(rooted.reasons)")
        #expect(unrooted.reasons.count == 1 && unrooted.reasons[0].contains("you chose “Option 2”"), "\(unrooted.reasons)")
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
