public import MergeEngine
public import OutpostModel
import OutpostReplication
public import Pricing
public import SodiumKit

/// The catalog records this device holds (products, options, rule models, price books)
/// and the server's signed bundles of them, read from the replica for configuring and
/// pricing offline.
public struct Catalog: Sendable {
    public let products: [Product]
    public let options: [ProductOption]
    public let models: [ConfiguratorModel]
    public let priceBooks: [PriceBook]
    /// The signed bundle of each product, by product.
    public let bundles: [ProductID: CatalogBundle]
    /// The server's catalog-signing key learnt at enrolment (`nil`: enrolled before
    /// catalogs were signed, so nothing can be priced).
    public let signingKey: Signing.PublicKey?

    public init(products: [Product], options: [ProductOption], models: [ConfiguratorModel], priceBooks: [PriceBook],
                bundles: [CatalogBundle] = [], signingKey: Signing.PublicKey?) {
        self.products = products
        self.options = options
        self.models = models
        self.priceBooks = priceBooks
        self.bundles = Dictionary(bundles.map { ($0.productID, $0) }, uniquingKeysWith: { $0.version >= $1.version ? $0 : $1 })
        self.signingKey = signingKey
    }

    /// The product whose id, SKU or name (any case) is `name`.
    /// - Throws: `.notFound` naming the known SKUs.
    public func product(_ name: String) throws(ReplicaError) -> Product {
        let wanted = name.lowercased()
        if let product = products.first(where: { $0.id.description == wanted || $0.sku.lowercased() == wanted })
            ?? products.first(where: { $0.name.lowercased() == wanted }) {
            return product
        }
        throw ReplicaError(.notFound, "no product \"\(name)\" in this replica; known SKUs: \(products.map(\.sku).sorted().joined(separator: ", "))")
    }

    /// The options of `product`, by variable then code.
    public func options(of product: ProductID) -> [ProductOption] {
        options.filter { $0.productID == product }.sorted { ($0.variable ?? .max, $0.code) < ($1.variable ?? .max, $1.code) }
    }

    /// The rule model of `product`, if it has one.
    public func model(of product: ProductID) -> ConfiguratorModel? {
        models.first { $0.productID == product }
    }

    /// The price book named `name` (id or name, any case), or, without a name, the book
    /// in the product's currency that prices it, else any book that prices it.
    /// - Throws: `.notFound` when no such book exists.
    public func priceBook(_ name: String?, for product: Product) throws(ReplicaError) -> PriceBook {
        if let name {
            let wanted = name.lowercased()
            guard let book = priceBooks.first(where: { $0.id.description == wanted || $0.name.lowercased() == wanted }) else {
                throw ReplicaError(.notFound, "no price book \"\(name)\"; known: \(priceBooks.map(\.name).sorted().joined(separator: ", "))")
            }
            return book
        }
        let pricing = priceBooks.filter { $0.entries[product.id] != nil }.sorted { $0.name < $1.name }
        guard let book = pricing.first(where: { $0.currency == product.basePrice.currency }) ?? pricing.first else {
            throw ReplicaError(.notFound, "no price book in this replica prices \(product.sku); sync, or ask an admin")
        }
        return book
    }

    /// The price book with `id`.
    public func priceBook(id: PriceBookID) throws(ReplicaError) -> PriceBook {
        guard let book = priceBooks.first(where: { $0.id == id }) else {
            throw ReplicaError(.notFound, "price book \(id) is not in this replica; sync")
        }
        return book
    }

    /// A price list from `book` over the whole catalog.
    public func priceList(_ book: PriceBook) -> PriceList {
        PriceList(priceBook: book, products: products, options: options)
    }

    /// The signed bundle of `product`, once its signature verifies with the server's
    /// key and it vouches for exactly the product, options, rule model and price books
    /// this replica holds for it.
    /// - Throws: `.untrustedCatalog` when the bundle is missing, forged or does not
    ///   match the records; nothing may be configured or priced from them then.
    public func verifiedBundle(of product: Product) throws(ReplicaError) -> CatalogBundle {
        guard let signingKey else {
            throw ReplicaError(.untrustedCatalog, "this replica was enrolled before the server signed its catalog, so the catalog for \(product.sku) cannot be checked; enrol the device again")
        }
        guard let bundle = bundles[product.id] else {
            throw ReplicaError(.untrustedCatalog, "the catalog for \(product.sku) has no signed bundle in this replica yet; sync again or ask an admin")
        }
        do throws(CatalogBundleError) {
            try bundle.verify(CatalogBundle.members(of: product, options: options, models: models, priceBooks: priceBooks),
                              publicKey: signingKey)
        } catch {
            throw ReplicaError(.untrustedCatalog, "the catalog for \(product.sku) failed its signature check (\(error.message)); sync again or ask an admin")
        }
        return bundle
    }

    /// The bundle of `product` when the server's key signed it, its members unchecked
    /// (``verifiedBundle(of:)`` checks them and says what fails): what a compiled form
    /// kept for that bundle's digest is trusted by (``Replica/configurator(named:)``).
    func signedBundle(of product: Product) -> CatalogBundle? {
        guard let signingKey, let bundle = bundles[product.id],
              Signing.verify(signature: bundle.signature, message: bundle.signedMessage, publicKey: signingKey) else { return nil }
        return bundle
    }

    /// The version of what a quote is priced with: the highest version among the
    /// verified bundles of its products (each bundle covers the price books that
    /// price its product).
    /// - Throws: `.untrustedCatalog` as ``verifiedBundle(of:)``; `.notFound` for a
    ///   product this replica lacks.
    public func bundleVersion(products ids: Set<ProductID>) throws(ReplicaError) -> Int {
        var version = 0
        for id in ids.sorted(by: { RecordID($0) < RecordID($1) }) {
            guard let product = products.first(where: { $0.id == id }) else {
                throw ReplicaError(.notFound, "product \(id) is not in this replica; sync")
            }
            version = max(version, try verifiedBundle(of: product).version)
        }
        return version
    }
}

extension Replica {
    /// The catalog records this replica holds; without `rules`, no options and rule
    /// models (a product's compiled form holds them: ``configurator(named:)``).
    /// - Throws: `.corrupt` naming a catalog record that does not decode, rather than
    ///   pricing without it.
    public func catalog(rules: Bool = true) throws(ReplicaError) -> Catalog {
        func load<Record: ReplicatedRecord>(_ type: Record.Type) throws(ReplicaError) -> [Record] {
            var result: [Record] = []
            for local in try records(of: Record.kind) where !local.view.isDeleted {
                let record: Record
                do {
                    guard let decoded = try local.decoded() as? Record else { throw ReplicaError(.corrupt, "is not a \(Record.kind.name)") }
                    record = decoded
                } catch {
                    throw ReplicaError(.corrupt, "\(Record.kind.name) \(local.id) in this replica is unreadable (\(error)); sync again, or ask an admin to fix it")
                }
                result.append(record)
            }
            return result
        }
        return Catalog(products: try load(Product.self), options: rules ? try load(ProductOption.self) : [],
                       models: rules ? try load(ConfiguratorModel.self) : [], priceBooks: try load(PriceBook.self),
                       bundles: try load(CatalogBundle.self), signingKey: try identity().serverSigningKey.flatMap { try? Signing.PublicKey($0) })
    }
}
