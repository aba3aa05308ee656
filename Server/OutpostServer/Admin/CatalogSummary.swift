import OutpostStore
import Foundation
import OutpostModel
import OutpostSQLite

/// What `catalog product list|show` print, read from the store.
enum CatalogSummary {
    struct ProductRow: Encodable {
        let id: String
        let sku: String
        let name: String
        let listPrice: String
        let currency: String
        let options: Int
        let rules: Bool
        let priceBooks: [String]

        enum CodingKeys: String, CodingKey {
            case id, sku, name, currency, options, rules
            case listPrice = "list_price"
            case priceBooks = "price_books"
        }
    }

    struct Detail: Encodable {
        struct Option: Encodable {
            let id: String
            let code: String
            let name: String
            let price: String
            let currency: String
        }

        struct BookEntry: Encodable {
            let name: String
            let price: String
            let currency: String
            let tiers: String
        }

        let id: String
        let sku: String
        let name: String
        let rules: Bool
        let options: [Option]
        let priceBooks: [BookEntry]

        enum CodingKeys: String, CodingKey {
            case id, sku, name, rules, options
            case priceBooks = "price_books"
        }
    }

    static func products(in store: some RecordStore) async throws -> [ProductRow] {
        let books = try await store.priceBooks()
        var rows: [ProductRow] = []
        for product in try await store.products() {
            rows.append(ProductRow(
                id: product.id.description, sku: product.sku, name: product.name,
                listPrice: product.basePrice.decimalString, currency: product.basePrice.currency.code,
                options: try await store.productOptions(of: product.id).count,
                rules: try await store.configuratorModel(of: product.id) != nil,
                priceBooks: books.filter { $0.entries[product.id] != nil }.map(\.name)))
        }
        return rows
    }

    static func detail(of product: Product, in store: some RecordStore) async throws -> Detail {
        let options = try await store.productOptions(of: product.id).map {
            Detail.Option(id: $0.id.description, code: $0.code, name: $0.name, price: $0.price.decimalString,
                          currency: $0.price.currency.code)
        }
        let books = try await store.priceBooks().compactMap { book -> Detail.BookEntry? in
            guard let price = book.entries[product.id] else { return nil }
            return Detail.BookEntry(name: book.name, price: price.decimalString, currency: price.currency.code,
                                    tiers: book.tiers[product.id].map(TierText.describe) ?? "—")
        }
        return Detail(id: product.id.description, sku: product.sku, name: product.name,
                      rules: try await store.configuratorModel(of: product.id) != nil, options: options, priceBooks: books)
    }
}

/// Volume tiers as an admin types them: `slab 10:5 50:10` (from quantity : percent off).
enum TierText {
    static func describe(_ schedule: VolumeSchedule) -> String {
        schedule.kind.rawValue + " " + schedule.tiers.map { "\($0.fromQuantity):\(percent($0.discountBasisPoints))" }
            .joined(separator: " ")
    }

    /// Basis points as a percentage without trailing zeros: 500 → `5`, 1250 → `12.5`.
    static func percent(_ basisPoints: Int) -> String {
        let whole = basisPoints / 100, rest = basisPoints % 100
        if rest == 0 { return String(whole) }
        return rest % 10 == 0 ? "\(whole).\(rest / 10)" : "\(whole).\(rest < 10 ? "0" : "")\(rest)"
    }

    /// A percentage typed by an admin (`5`, `12.5`, `0.25`) in basis points.
    static func basisPoints(_ text: String) throws -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0,
              parts.count == 1 || (1...2).contains(parts[1].count) && parts[1].allSatisfy(\.isNumber) else {
            throw CommandError("\"\(text)\" is not a percentage such as 5 or 12.5")
        }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
        return whole * 100 + fraction
    }
}
