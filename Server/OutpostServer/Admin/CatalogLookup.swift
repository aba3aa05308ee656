import OutpostStore
import Foundation
import OutpostModel
import OutpostSQLite

/// Resolves the products, options and price books an admin names to records.
enum CatalogLookup {
    /// The product with SKU `skuOrID` (any case) or that id.
    static func product(_ skuOrID: String, in store: some RecordStore) async throws -> Product {
        try find(skuOrID, among: try await store.products(), name: \.sku, notFound: "no product", known: "known SKUs",
                 addFirst: "outpost-server catalog product add SKU --name NAME --price 499")
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
        try find(nameOrID, among: try await store.priceBooks(), name: \.name, notFound: "no price book", known: "known",
                 addFirst: "outpost-server catalog price-book add NAME --currency EUR")
    }

    /// The one of `records` whose `name` is `nameOrID` (any case) or whose id it is.
    /// - Throws: a ``CommandError`` that starts with `notFound` and lists the `known` names,
    ///   or, when there are none yet, gives the command `addFirst` that adds one.
    private static func find<Record: Identifiable>(_ nameOrID: String, among records: [Record], name: KeyPath<Record, String>,
                                                   notFound: String, known: String, addFirst: String) throws -> Record
    where Record.ID: CustomStringConvertible {
        if let record = records.first(where: { $0[keyPath: name].caseInsensitiveCompare(nameOrID) == .orderedSame
            || $0.id.description == nameOrID.lowercased() }) {
            return record
        }
        throw CommandError("\(notFound) \"\(nameOrID)\"; \(known): "
            + (records.isEmpty ? "none yet (add one with: \(addFirst))" : records.map { $0[keyPath: name] }.joined(separator: ", ")))
    }

    /// An amount typed by an admin (`499`, `499.00`) in `currency`.
    static func money(_ text: String, _ currency: Currency, option: String) throws -> Money {
        do { return try Money(parsing: text, currency: currency, field: option) } catch {
            throw CommandError("\(option) \(error.reason)")
        }
    }
}
