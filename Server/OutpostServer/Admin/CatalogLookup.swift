import OutpostStore
import Foundation
import OutpostModel
import OutpostSQLite

/// Resolves the products, options and price books an admin names to records.
enum CatalogLookup {
    /// The product with SKU `skuOrID` (any case) or that id.
    static func product(_ skuOrID: String, in store: some RecordStore) async throws -> Product {
        let products = try await store.products()
        if let product = products.first(where: { $0.sku.caseInsensitiveCompare(skuOrID) == .orderedSame
            || $0.id.description == skuOrID.lowercased() }) {
            return product
        }
        throw CommandError("no product \"\(skuOrID)\"; known SKUs: "
            + (products.isEmpty ? "none yet (add one with: outpost-server catalog product add SKU --name NAME --price 499)"
                                : products.map(\.sku).joined(separator: ", ")))
    }

    /// The option of `product` with code or name `codeOrName` (any case) or that id.
    static func option(_ codeOrName: String, of product: Product, in store: some RecordStore) async throws -> ProductOption {
        let options = try await store.productOptions(of: product.id)
        let wanted = codeOrName.lowercased()
        if let option = options.first(where: { $0.code.lowercased() == wanted || $0.name.lowercased() == wanted
            || $0.id.description == wanted }) {
            return option
        }
        throw CommandError("\(product.sku) has no option \"\(codeOrName)\"; list them with: outpost-server catalog option list \(product.sku)")
    }

    /// The price book named `nameOrID` (any case) or with that id.
    static func priceBook(_ nameOrID: String, in store: some RecordStore) async throws -> PriceBook {
        let books = try await store.priceBooks()
        if let book = books.first(where: { $0.name.caseInsensitiveCompare(nameOrID) == .orderedSame
            || $0.id.description == nameOrID.lowercased() }) {
            return book
        }
        throw CommandError("no price book \"\(nameOrID)\"; known: "
            + (books.isEmpty ? "none yet (add one with: outpost-server catalog price-book add NAME --currency EUR)"
                             : books.map(\.name).joined(separator: ", ")))
    }

    /// An amount typed by an admin (`499`, `499.00`) in `currency`.
    static func money(_ text: String, _ currency: Currency, option: String) throws -> Money {
        do { return try Money(parsing: text, currency: currency, field: option) } catch {
            throw CommandError("\(option) \(error.reason)")
        }
    }
}
