import TerminalOutput
import ArgumentParser
import Configurator
import Foundation
import OutpostInterchange
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server catalog product|option|price-book|import|export`: the catalog an admin
/// manages. Every change is one transaction that signs a new bundle of each product it
/// touches, so devices take it in at their next sync.
struct CatalogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Manage the product catalog: products, options, price books, rules.",
        discussion: """
            Examples:
              outpost-server catalog product add --db hq.sqlite DOCK-TB4 --name \\
                "Thunderbolt Dock" --price 249
              outpost-server catalog price-book set --db hq.sqlite "Standard EUR" \\
                DOCK-TB4 249
              outpost-server catalog import --db hq.sqlite --dimacs pc.dimacs --product \\
                PC-RICHMOND
              outpost-server catalog export --db hq.sqlite > catalog.csv
            """,
        subcommands: [CatalogProductCommand.self, CatalogOptionCommand.self, CatalogPriceBookCommand.self, Import.self, Export.self]
    )

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a product's options and rules from a DIMACS model, or products, options and prices from a CSV sheet.",
            discussion: """
                --dimacs: each `c N NAME` line becomes an option of the product (price 0; price them with
                catalog option price or a sheet); the clauses become its rule model. The product must
                exist and have no model yet.
                --csv: a sheet as `catalog export` writes it (sku,option,name,price,currency,price_book),
                all or nothing.

                Examples:
                  outpost-server catalog import --db hq.sqlite --dimacs pc.dimacs --product \\
                    PC-RICHMOND
                  outpost-server catalog import --db hq.sqlite --csv catalog.csv --dry-run
                """
        )
        @OptionGroup var store: StoreOptions
        @Option(help: "A DIMACS CNF file (with --product).") var dimacs: String?
        @Option(help: "The product's SKU or id, for --dimacs.") var product: String?
        @Option(help: "A catalog sheet (CSV).") var csv: String?
        @Flag(help: "With --csv: report what would change, and write nothing.") var dryRun = false

        func validate() throws {
            guard (dimacs == nil) != (csv == nil) else { throw ValidationError("give either --dimacs FILE --product SKU or --csv FILE") }
            guard dimacs == nil || product != nil else { throw ValidationError("--dimacs needs --product SKU") }
        }

        func run() async throws {
            try await store.withRecords { database in
                if let csv { return try await importSheet(csv, database) }
                guard let dimacs, let product else { return }
                guard let text = try? String(contentsOfFile: dimacs, encoding: .utf8) else {
                    throw CommandError("cannot read \(dimacs); check the path")
                }
                let model = try DIMACSModel(parsing: text)
                let target = try await CatalogLookup.product(product, in: database)
                guard try await database.configuratorModel(of: target.id) == nil else {
                    throw CommandError("\(target.sku) already has a rule model; nothing was changed")
                }
                var batch = RecordBatch()
                batch.productOptions = model.options(of: target.id, currency: target.basePrice.currency)
                batch.configuratorModels = [model.configuratorModel(for: target.id)]
                try await database.insert(batch)
                print("Imported \(batch.productOptions.count) options and \(model.clauses.count) clauses into \(target.sku); "
                      + "price the options with: outpost-server catalog option price \(target.sku) OPTION PRICE")
            }
        }

        private func importSheet(_ path: String, _ database: some RecordStore) async throws {
            guard let bytes = FileManager.default.contents(atPath: path) else { throw CommandError("cannot read \(path); check the path") }
            let stored = try await database.catalogSheet()
            let changes: CatalogSheet.Catalog
            do {
                changes = try CatalogSheet.changes(bytes, to: stored)
            } catch {
                throw CommandError(ImportCommand.message(for: error, file: path))
            }
            let summary = "\(changes.products.count) products, \(changes.options.count) options, \(changes.priceBooks.count) price books"
            if dryRun { return print("Dry run of \(path), nothing written: would change \(summary)") }
            var batch = RecordBatch()
            batch.products = changes.products
            batch.productOptions = changes.options
            batch.priceBooks = changes.priceBooks
            if batch.count > 0 { try await database.upsert(batch) }
            print("Imported the catalog sheet \(path): changed \(summary)")
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the catalog (products, options, price-book prices) as a CSV sheet.",
            discussion: "Example:\n  outpost-server catalog export --db hq.sqlite > catalog.csv"
        )
        @OptionGroup var store: StoreOptions

        func run() async throws {
            print(CatalogSheet.text(of: try await store.withRecords { try await $0.catalogSheet() }), terminator: "")
        }
    }
}

extension RecordStore {
    /// The stored catalog, for a sheet.
    func catalogSheet() async throws -> CatalogSheet.Catalog {
        let products = try await products()
        var options: [ProductOption] = []
        for product in products { options += try await productOptions(of: product.id) }
        return CatalogSheet.Catalog(products: products, options: options, priceBooks: try await priceBooks())
    }
}
