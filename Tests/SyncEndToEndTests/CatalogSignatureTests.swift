@testable import FieldClient
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SodiumKit
import Testing

@Suite("Signed catalog bundles on the device", .serialized)
struct CatalogSignatureTests {
    /// A rep's catalog after syncing ``TestCatalog`` from a live hub.
    func syncedCatalog() async throws -> (catalog: Catalog, product: Product, rep: Replica, hub: LiveHub) {
        let hub = try await LiveHub.start()
        try await hub.store.insert(TestCatalog(product: hub.company.product).batch)
        let rep = try await hub.bootstrapped(hub.company.repNorth)
        let catalog = try rep.catalog()
        return (catalog, try catalog.product("PC-1"), rep, hub)
    }

    /// `catalog` with `options`, `bundles` or `signingKey` swapped in.
    func altered(_ catalog: Catalog, options: [ProductOption]? = nil, bundles: [CatalogBundle]? = nil) -> Catalog {
        Catalog(products: catalog.products, options: options ?? catalog.options, models: catalog.models,
                priceBooks: catalog.priceBooks, bundles: bundles ?? Array(catalog.bundles.values), signingKey: catalog.signingKey)
    }

    func refusal(_ body: () throws(ReplicaError) -> Void) -> ReplicaError? {
        do { try body() } catch { return error }
        return nil
    }

    @Test("the synced catalog verifies; a tampered record or a bundle signed with another key is refused and nothing is configured")
    func refusesTampering() async throws {
        let (catalog, product, _, hub) = try await syncedCatalog()
        defer { Task { await hub.stop() } }
        let bundle = try catalog.verifiedBundle(of: product)
        let members = 7
        #expect(bundle.memberCount == members, "the product, its four options, its rule model and its price book")

        var options = catalog.options
        let index = try #require(options.firstIndex { $0.code == "wifi" })
        options[index].price = Money(minorUnits: 1, currency: .eur)
        let tampered = refusal { () throws(ReplicaError) in _ = try ProductConfigurator(catalog: altered(catalog, options: options), product: product) }
        let message = tampered?.message ?? ""
        #expect(tampered?.code == .untrustedCatalog)
        #expect(message.contains("the catalog for PC-1 failed its signature check"))
        #expect(message.contains("sync again or ask an admin"))

        let forger = try SigningKeyPair.generate()
        let records = CatalogBundle.members(of: product, options: catalog.options, models: catalog.models, priceBooks: catalog.priceBooks)
        let forged = CatalogBundle.signed(productID: product.id, version: bundle.version + 1, members: records, key: forger)
        let refused = refusal { () throws(ReplicaError) in _ = try altered(catalog, bundles: [forged]).bundleVersion(products: [product.id]) }
        #expect(refused?.code == .untrustedCatalog)
        // What a kept compiled form is trusted by: the signature alone, over the digest it was kept for.
        #expect(catalog.signedBundle(of: product) == bundle && altered(catalog, bundles: [forged]).signedBundle(of: product) == nil)

        let unsigned = refusal { () throws(ReplicaError) in _ = try altered(catalog, bundles: []).verifiedBundle(of: product) }
        #expect(unsigned?.code == .untrustedCatalog)
    }

    @Test("a quote records the version of the bundle it was priced with, and a re-signed catalog raises it")
    func quoteRecordsVersion() async throws {
        let (catalog, product, rep, hub) = try await syncedCatalog()
        defer { Task { await hub.stop() } }
        let opportunity = try #require(hub.company.opportunities.first { $0.ownerID == hub.company.repNorth.id })
        let quote = try rep.newQuote(opportunity: opportunity.id.description)
        let name = ShortID.of(quote.id.description)
        let (configured, _) = try rep.configureQuote(name, product: "PC-1", select: ["wifi"], deselect: [], quantity: 1, priceBook: nil)
        let signed = try catalog.verifiedBundle(of: product).version
        #expect(configured.bundleVersion == signed)

        // The admin adds an option: the hub re-signs the product's bundle, and re-pricing records the new version.
        var batch = RecordBatch()
        batch.productOptions = [ProductOption(productID: product.id, code: "usb", name: "USB hub", price: Money(minorUnits: 1_500, currency: .eur))]
        try await hub.store.insert(batch)
        _ = try await sync(rep)
        let (repriced, _) = try rep.priceQuote(name, discountBasisPoints: 0)
        #expect(repriced.bundleVersion > signed)
        let resigned = try rep.catalog().verifiedBundle(of: product).version
        #expect(repriced.bundleVersion == resigned)
    }
}
