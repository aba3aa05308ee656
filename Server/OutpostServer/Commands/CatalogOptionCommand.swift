import ArgumentParser
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server catalog option add|list|price`.
struct CatalogOptionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "option",
        abstract: "Add, list and price a product's options.",
        discussion: "Example:\n  outpost-server catalog option price --db hq.sqlite PC-RICHMOND gtx1050-ti 189",
        subcommands: [Add.self, List.self, Price.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an option to a product (outside its rules unless a DIMACS model names it).",
            discussion: "Example:\n  outpost-server catalog option add --db hq.sqlite DOCK-TB4 psu-180w --name \\\n    \"180 W power supply\" --price 39"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The product's SKU or id.") var product: String
        @Argument(help: "The option's code, unique within the product.") var code: String
        @Option(help: "The name people see.") var name: String
        @Option(help: "The option's price in the product's currency.") var price = "0"

        func run() async throws {
            try await store.withRecords { database in
                let target = try await CatalogLookup.product(product, in: database)
                if try await database.productOptions(of: target.id).contains(where: { $0.code.lowercased() == code.lowercased() }) {
                    throw CommandError("\(target.sku) already has an option \(code); price it with: outpost-server catalog option price \(target.sku) \(code) PRICE")
                }
                let option = ProductOption(productID: target.id, code: code, name: name,
                                           price: try CatalogLookup.money(price, target.basePrice.currency, option: "--price"), variable: nil)
                try option.validate()
                try await database.upsert([option], as: \.productOptions)
                print("Added option \(code) to \(target.sku) at \(option.price)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a product's options with their prices.",
            discussion: "Example:\n  outpost-server catalog option list --db hq.sqlite PC-RICHMOND --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The product's SKU or id.") var product: String

        func run() async throws {
            try await store.withRecords { database in
                let detail = try await CatalogSummary.detail(of: try await CatalogLookup.product(product, in: database), in: database)
                try output.print(detail.options, headers: ["option", "name", "price"]) { [$0.code, $0.name, "\($0.price) \($0.currency)"] }
            }
        }
    }

    struct Price: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set an option's price (in the product's currency).",
            discussion: "Example:\n  outpost-server catalog option price --db hq.sqlite PC-RICHMOND gtx1050-ti 189"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The product's SKU or id.") var product: String
        @Argument(help: "The option's code, name or id.") var option: String
        @Argument(help: "The price, e.g. 189 or 189.00.") var price: String

        func run() async throws {
            try await store.withRecords { database in
                let target = try await CatalogLookup.product(product, in: database)
                var priced = try await CatalogLookup.option(option, of: target, in: database)
                priced.price = try CatalogLookup.money(price, target.basePrice.currency, option: "the price")
                try await database.upsert([priced], as: \.productOptions)
                print("Priced option \(priced.code) of \(target.sku) at \(priced.price)")
            }
        }
    }
}
