import ArgumentParser
import Configurator
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server catalog import --dimacs FILE --product ID`.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Manage the product catalog and its configurator rules.",
        discussion: "Example:\n  outpost-server catalog import --db hq.sqlite --dimacs pc.dimacs --product PC-RICHMOND",
        subcommands: [Import.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a product's options and rules from a DIMACS CNF model.",
            discussion: """
                Each `c N NAME` line becomes an option of the product (price 0; set prices later);
                the clauses become its rule model. The product must exist and have no model yet.

                Example:
                  outpost-server catalog import --db hq.sqlite --dimacs pc.dimacs --product PC-RICHMOND
                """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "The DIMACS CNF file.") var dimacs: String
        @Option(help: "The product's SKU or id.") var product: String

        func run() async throws {
            let database = try store.open()
            guard let text = try? String(contentsOfFile: dimacs, encoding: .utf8) else {
                throw CommandError("cannot read \(dimacs)")
            }
            let model = try DIMACSModel(parsing: text)
            let products = try await database.products()
            guard let target = products.first(where: { $0.sku == product || $0.id.description == product.lowercased() }) else {
                throw CommandError("no product \"\(product)\"; known SKUs: \(products.map(\.sku).joined(separator: ", "))")
            }
            guard try await database.configuratorModel(of: target.id) == nil else {
                throw CommandError("\(target.sku) already has a rule model; nothing was changed")
            }
            var batch = RecordBatch()
            batch.productOptions = model.namedOptions().map {
                ProductOption(productID: target.id, code: $0.code, name: $0.name,
                              price: .zero(target.basePrice.currency), variable: $0.variable)
            }
            batch.configuratorModels = [model.configuratorModel(for: target.id)]
            try await database.insert(batch)
            print("Imported \(batch.productOptions.count) options and \(model.clauses.count) clauses into \(target.sku)")
        }
    }
}
