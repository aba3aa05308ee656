import Foundation
import TerminalOutput
import ArgumentParser
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server catalog product add|list|show|update|retire`. Every change signs a
/// new catalog bundle for the product in the same transaction.
struct CatalogProductCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "product",
        abstract: "Add, list, show, change and retire products.",
        discussion: "Example:\n  outpost-server catalog product add --db hq.sqlite DOCK-TB4 --name \\\n    \"Thunderbolt Dock\" --price 249",
        subcommands: [Add.self, List.self, Show.self, Update.self, Retire.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a product with its list price.",
            discussion: """
                Price it in a price book next (catalog price-book set), and add options with
                catalog option add or a DIMACS model with catalog import --dimacs.

                Example:
                  outpost-server catalog product add --db hq.sqlite DOCK-TB4 --name \\
                    "Thunderbolt Dock" --price 249 --currency EUR
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The SKU, unique.") var sku: String
        @Option(help: "The name people see.") var name: String
        @Option(help: "The list price, e.g. 249 or 249.00.") var price: String
        @Option(help: "The list price's currency.") var currency = "EUR"

        func run() async throws {
            try await store.withRecords { database in
                if let existing = try await database.products().first(where: { $0.sku.caseInsensitiveCompare(sku) == .orderedSame }) {
                    throw CommandError("a product already has SKU \(existing.sku); change it with: outpost-server catalog product update \(existing.sku)")
                }
                let product = Product(sku: sku, name: name,
                                      basePrice: try CatalogLookup.money(price, try Currency(code: currency.uppercased()), option: "--price"))
                try product.validate()
                try await database.upsert([product], as: \.products)
                print("Added product \(product.sku) (\(product.id)) at \(product.basePrice)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List products with their list price, options, rules and price books.",
            discussion: "Example:\n  outpost-server catalog product list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            try await store.withRecords { database in
                let rows = try await CatalogSummary.products(in: database)
                try output.print(rows, headers: ["sku", "name", "list price", "options", "rules", "price books"]) {
                    [$0.sku, $0.name, "\($0.listPrice) \($0.currency)", String($0.options), $0.rules ? "yes" : "no",
                     $0.priceBooks.isEmpty ? "retired (no price book)" : $0.priceBooks.joined(separator: ", ")]
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a product, its options with prices, and its price-book entries.",
            discussion: "Example:\n  outpost-server catalog product show --db hq.sqlite PC-RICHMOND"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The SKU or id.") var sku: String

        func run() async throws {
            try await store.withRecords { database in
                let product = try await CatalogLookup.product(sku, in: database)
                let detail = try await CatalogSummary.detail(of: product, in: database)
                if output.json { return try Output.json(detail) }
                print("\(product.sku)  \(product.name)  list price \(product.basePrice)  (\(product.id))")
                print("Rules: \(detail.rules ? "yes" : "none")")
                Output.table(["price book", "price", "tiers"], detail.priceBooks.map { [$0.name, "\($0.price) \($0.currency)", $0.tiers] })
                Output.table(["option", "name", "price"], detail.options.map { [$0.code, $0.name, "\($0.price) \($0.currency)"] })
            }
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a product's name or list price.",
            discussion: "Example:\n  outpost-server catalog product update --db hq.sqlite DOCK-TB4 --price 229"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The SKU or id.") var sku: String
        @Option(help: "A new name.") var name: String?
        @Option(help: "A new list price.") var price: String?
        @Option(help: "A new currency for the list price.") var currency: String?

        func run() async throws {
            guard name != nil || price != nil || currency != nil else {
                throw ValidationError("nothing to change: give --name, --price or --currency")
            }
            try await store.withRecords { database in
                var product = try await CatalogLookup.product(sku, in: database)
                let newCurrency = try currency.map { try Currency(code: $0.uppercased()) } ?? product.basePrice.currency
                if let name { product.name = name }
                product.basePrice = try price.map { try CatalogLookup.money($0, newCurrency, option: "--price") }
                    ?? Money(minorUnits: product.basePrice.minorUnits, currency: newCurrency)
                try product.validate()
                try await database.upsert([product], as: \.products)
                print("Changed product \(product.sku): \(product.name), list price \(product.basePrice)")
            }
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a product: take it out of every price book, so no new quote can price it.",
            discussion: """
                Quotes and orders that hold it keep it. Price it again with catalog price-book set.

                Example:
                  outpost-server catalog product retire --db hq.sqlite DOCK-USBC
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The SKU or id.") var sku: String

        func run() async throws {
            try await store.withRecords { database in
                let product = try await CatalogLookup.product(sku, in: database)
                var batch = RecordBatch()
                batch.products = [product]  // re-signs its bundle without the books
                batch.priceBooks = try await database.priceBooks().filter { $0.entries[product.id] != nil }.map { book in
                    var book = book
                    book.entries[product.id] = nil
                    book.tiers[product.id] = nil
                    return book
                }
                try await database.upsert(batch)
                print("Retired \(product.sku): taken out of \(batch.priceBooks.count) price \(batch.priceBooks.count == 1 ? "book" : "books")")
            }
        }
    }
}
