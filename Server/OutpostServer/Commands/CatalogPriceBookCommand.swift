import Foundation
import ArgumentParser
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server catalog price-book add|list|entries|set|tiers|threshold`. A change to a
/// book re-signs the bundle of every product it prices.
struct CatalogPriceBookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price-book",
        abstract: "Manage price books: entries, volume tiers and the approval threshold.",
        discussion: "Example:\n  outpost-server catalog price-book set --db hq.sqlite \"Standard EUR\" \\\n    DOCK-TB4 249",
        subcommands: [Add.self, List.self, Entries.self, SetPrice.self, Tiers.self, Threshold.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an empty price book in one currency.",
            discussion: "Example:\n  outpost-server catalog price-book add --db hq.sqlite \"Partner CHF\" \\\n    --currency CHF --threshold 10"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The book's name, unique.") var name: String
        @Option(help: "The currency of every price in it.") var currency: String
        @Option(help: "The largest discount in percent that needs no manager's approval (omit: every discount needs one).")
        var threshold: String?

        func run() async throws {
            try await store.withRecords { database in
                if try await database.priceBooks().contains(where: { $0.name.caseInsensitiveCompare(name) == .orderedSame }) {
                    throw CommandError("a price book is already named \(name); pick another name")
                }
                let book = PriceBook(name: name, currency: try Currency(code: currency.uppercased()),
                                     approvalThresholdBasisPoints: try threshold.map(TierText.basisPoints))
                try book.validate()
                try await database.upsert([book], as: \.priceBooks)
                print("Added price book \(name) (\(book.currency.code)); price products with: outpost-server catalog price-book set \"\(name)\" SKU PRICE")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List price books.",
            discussion: "Example:\n  outpost-server catalog price-book list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Row: Encodable {
            let id: String
            let name: String
            let currency: String
            let entries: Int
            let threshold: String?
        }

        func run() async throws {
            let rows = try await store.withRecords { try await $0.priceBooks() }.map {
                Row(id: $0.id.description, name: $0.name, currency: $0.currency.code, entries: $0.entries.count,
                    threshold: $0.approvalThresholdBasisPoints.map(TierText.percent))
            }
            try output.print(rows, headers: ["price book", "cur", "entries", "approval over"]) {
                [$0.name, $0.currency, String($0.entries), $0.threshold.map { "\($0) %" } ?? "any discount"]
            }
        }
    }

    struct Entries: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a price book's prices and volume tiers.",
            discussion: "Example:\n  outpost-server catalog price-book entries --db hq.sqlite \"Standard EUR\""
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The book's name or id.") var book: String

        struct Row: Encodable {
            let sku: String
            let name: String
            let price: String
            let currency: String
            let tiers: String?
        }

        func run() async throws {
            try await store.withRecords { database in
                let priceBook = try await CatalogLookup.priceBook(book, in: database)
                let rows = try await database.products().compactMap { product -> Row? in
                    guard let price = priceBook.entries[product.id] else { return nil }
                    return Row(sku: product.sku, name: product.name, price: price.decimalString, currency: price.currency.code,
                               tiers: priceBook.tiers[product.id].map(TierText.describe))
                }
                try output.print(rows, headers: ["sku", "name", "price", "tiers (from qty:% off)"]) {
                    [$0.sku, $0.name, "\($0.price) \($0.currency)", $0.tiers ?? "—"]
                }
            }
        }
    }

    struct SetPrice: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set a product's price in a price book.",
            discussion: "Example:\n  outpost-server catalog price-book set --db hq.sqlite \"Standard EUR\" \\\n    DOCK-TB4 249"
        )
        @OptionGroup var book: PriceBookChange
        @Argument(help: "The product's SKU or id.") var product: String
        @Argument(help: "The price in the book's currency, e.g. 249 or 249.00.") var price: String

        func run() async throws {
            print(try await book.apply { priceBook, database in
                let target = try await CatalogLookup.product(product, in: database)
                let money = try CatalogLookup.money(price, priceBook.currency, option: "the price")
                priceBook.entries[target.id] = money
                return "Priced \(target.sku) at \(money) in \(priceBook.name)"
            })
        }
    }

    struct Tiers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a product's volume tiers in a price book (none: remove them).",
            discussion: """
                Each --tier is FROM:PERCENT, the percent off the unit price from that quantity on;
                `slab` discounts each unit by its own tier, `range` every unit by the tier the
                quantity reaches.

                Example:
                  outpost-server catalog price-book tiers --db hq.sqlite "Standard EUR" \\
                    PC-RICHMOND --kind slab --tier 1:0 --tier 10:5 --tier 50:10
                """
        )
        @OptionGroup var book: PriceBookChange
        @Argument(help: "The product's SKU or id.") var product: String
        @Option(help: "slab or range.") var kind: String = "slab"
        @Option(help: "FROM:PERCENT, e.g. 10:5 (repeat).") var tier: [String] = []

        func run() async throws {
            print(try await book.apply { priceBook, database in
                let target = try await CatalogLookup.product(product, in: database)
                guard priceBook.entries[target.id] != nil else {
                    throw CommandError("\(priceBook.name) has no price for \(target.sku); set one first with: outpost-server catalog price-book set \"\(priceBook.name)\" \(target.sku) PRICE")
                }
                guard let tierKind = TierKind(rawValue: kind) else { throw ValidationError("--kind must be slab or range (got \"\(kind)\")") }
                let tiers = try tier.map { text -> VolumeTier in
                    let parts = text.split(separator: ":")
                    guard parts.count == 2, let from = Int(parts[0]) else {
                        throw CommandError("--tier \(text) is not FROM:PERCENT such as 10:5")
                    }
                    return VolumeTier(fromQuantity: from, discountBasisPoints: try TierText.basisPoints(String(parts[1])))
                }
                priceBook.tiers[target.id] = tiers.isEmpty ? nil : VolumeSchedule(kind: tierKind, tiers: tiers)
                return tiers.isEmpty ? "Removed the tiers of \(target.sku) in \(priceBook.name)"
                                     : "Set \(priceBook.tiers[target.id].map(TierText.describe) ?? "") for \(target.sku) in \(priceBook.name)"
            })
        }
    }

    struct Threshold: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the largest discount, in percent, that needs no manager's approval (`none`: every discount does).",
            discussion: "Example:\n  outpost-server catalog price-book threshold --db hq.sqlite \"Standard EUR\" 12.5"
        )
        @OptionGroup var book: PriceBookChange
        @Argument(help: "A percentage such as 15 or 12.5, or none.") var percent: String

        func run() async throws {
            print(try await book.apply { priceBook, _ in
                priceBook.approvalThresholdBasisPoints = percent.lowercased() == "none" ? nil : try TierText.basisPoints(percent)
                return "Quotes priced from \(priceBook.name) need a manager's approval for "
                    + (priceBook.approvalThresholdBasisPoints.map { "a discount over \(TierText.percent($0)) %" } ?? "any discount")
            })
        }
    }
}

/// What set, tiers and threshold share: the database and the price book they change.
struct PriceBookChange: ParsableArguments {
    @OptionGroup var store: StoreOptions
    @Argument(help: "The book's name or id.") var book: String

    /// Finds the book, lets `change` edit it (with the store at hand to look up products),
    /// then validates and stores it, re-signing the bundles of what it prices.
    /// - Returns: what `change` returns: the line the command prints.
    func apply(_ change: (inout PriceBook, any RecordStore) async throws -> String) async throws -> String {
        try await store.withRecords { database in
            var priceBook = try await CatalogLookup.priceBook(book, in: database)
            let done = try await change(&priceBook, database)
            do throws(OutpostModel.ValidationError) { try priceBook.validate() } catch { throw CommandError(error.reason) }
            try await database.upsert([priceBook], as: \.priceBooks)
            return done
        }
    }
}
