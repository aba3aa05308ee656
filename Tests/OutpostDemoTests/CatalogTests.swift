import Configurator
import OutpostDemo
import OutpostModel
import OutpostStore
import Testing

@Suite("Demo catalog")
struct CatalogTests {
    @Test("The PC gets one option per named DIMACS variable and the model's clauses")
    func fromDIMACS() throws {
        let batch = Fixtures.small
        let pc = try #require(batch.products.first { $0.sku == DemoCompany.configurableSKU })
        let options = batch.productOptions.filter { $0.productID == pc.id }
        #expect(options.count == 377)
        #expect(Set(options.map(\.code)).count == 377)
        #expect(Set(options.compactMap(\.variable)) == Set(1...377))
        #expect(options.first { $0.variable == 1 }?.code == "pc-richmond-f")
        #expect(options.first { $0.variable == 10 }?.code == "i3-7350k-kaby-lake")
        #expect(options.allSatisfy { (0...40_000).contains($0.price.minorUnits) && $0.price.currency == .eur })
        let model = try #require(batch.configuratorModels.first)
        #expect(batch.configuratorModels.count == 1)
        #expect(model.productID == pc.id)
        #expect(model.variableCount == 377)
        #expect(model.clauses.count == 1356)
        #expect(model.clauses == Fixtures.pcModel.clauses)
    }

    @Test("Without a model the PC is still there, without options or rules")
    func withoutDIMACS() {
        let batch = DemoCompany.generate(scale: .small, pcModel: nil)
        #expect(batch.products.contains { $0.sku == DemoCompany.configurableSKU })
        #expect(batch.productOptions.isEmpty)
        #expect(batch.configuratorModels.isEmpty)
    }

    @Test("Price books in EUR, GBP and USD price every product")
    func priceBooks() {
        let batch = Fixtures.small
        #expect(batch.priceBooks.map(\.currency.code) == ["EUR", "GBP", "USD"])
        #expect(batch.products.count >= 3)
        for book in batch.priceBooks {
            #expect(book.entries.count == batch.products.count)
            #expect(book.entries.values.allSatisfy { $0.currency == book.currency && $0.minorUnits > 0 })
        }
    }
}
