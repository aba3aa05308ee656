import Configurator
@testable import FieldClient
import Foundation
import GRDB
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import Testing

/// A product's compiled rules and what they alone force and exclude, kept in the replica
/// for the signed bundle they were compiled from (`Replica.configurator(for:in:)`,
/// `Replica.configurator(named:)`).
@Suite("The configurator's kept compiled form on the device", .serialized)
struct ConfiguratorRootTests {
    /// The sealed kept compiled forms of `rep`, by product.
    func keptRoots(_ rep: Replica) throws -> [Data: Data] {
        try DatabaseQueue(path: rep.folder.appendingPathComponent(Replica.fileName).path).read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT product, root FROM configurator_root").map { ($0[0], $0[1]) })
        }
    }

    /// Runs `sql` with `arguments` on `rep`'s replica file, as someone without its key could.
    func alter(_ rep: Replica, _ sql: String, _ arguments: StatementArguments = []) throws {
        try DatabaseQueue(path: rep.folder.appendingPathComponent(Replica.fileName).path).write { db in
            try db.execute(sql: sql, arguments: arguments)
        }
    }

    /// A rep's replica, synced with ``TestCatalog``, its catalog and the product.
    func configurable(_ hub: LiveHub) async throws -> (Replica, Catalog, Product) {
        try await hub.store.insert(TestCatalog(product: hub.company.product).batch)
        let rep = try await hub.bootstrapped(hub.company.repNorth)
        let catalog = try rep.catalog()
        return (rep, catalog, try catalog.product("pc-1"))
    }

    func refusal(_ body: () throws(ReplicaError) -> Void) -> ReplicaError? {
        do { try body() } catch { return error }
        return nil
    }

    /// Why configuring `product` is refused from the whole catalog and by name (from the
    /// kept compiled form): `nil` where it is not.
    func refusals(_ rep: Replica, _ product: Product, _ catalog: Catalog) -> [ReplicaError?] {
        [refusal { () throws(ReplicaError) in _ = try rep.configurator(for: product, in: catalog) },
         refusal { () throws(ReplicaError) in _ = try rep.configurator(named: product.sku) }]
    }

    @Test("configure starts from the kept compiled form, compiled once per signed bundle, and answers as from the records")
    func keptRootAnswersAlike() async throws {
        try await LiveHub.with { hub in
            let (rep, catalog, product) = try await configurable(hub)
            let book = try catalog.priceBook(nil, for: product)
            let afresh = try ProductConfigurator(catalog: catalog, product: product)
            #expect(try keptRoots(rep).isEmpty)
            let computed = try rep.configurator(for: product, in: catalog)
            let kept = try keptRoots(rep)
            #expect(kept.count == 1, "the root is kept at the first configuration")
            #expect(try rep.check().isIntact)
            let fromKept = try rep.configurator(for: product, in: catalog)
            let fromCompiled = try rep.configurator(named: "pc-1")
            #expect(try keptRoots(rep) == kept, "a second configuration opens the kept form, not a new one")
            #expect(fromCompiled.options == afresh.options && fromCompiled.catalog.model(of: product.id) == catalog.model(of: product.id))
            for configurator in [computed, fromKept, fromCompiled] {
                for (select, deselect) in [([], []), (["wifi"], []), ([], ["ssd-fast"]), (["ssd-small", "wifi"], []), (["chassis"], [])] {
                    let (outcome, needed) = try configurator.configureWithNeeds(select: select, deselect: deselect, priceBook: book)
                    let (expected, expectedNeeded) = try afresh.configureWithNeeds(select: select, deselect: deselect, priceBook: book)
                    #expect(outcome == expected && needed == expectedNeeded, "select \(select), deselect \(deselect)")
                }
            }
            let chassis = try #require(try fromKept.configure(select: [], deselect: [], priceBook: nil).options.first { $0.code == "chassis" })
            #expect(chassis.state == .forced && chassis.reasons.first?.contains("“Chassis” is required") == true, "\(chassis.reasons)")

            // A form kept for another bundle (its digest differs) is stale: compiled again and replaced.
            try alter(rep, "UPDATE configurator_root SET bundle = zeroblob(32)")
            _ = try rep.configurator(named: "pc-1")
            #expect(try keptRoots(rep).keys == kept.keys && keptRoots(rep) != kept)
        }
    }

    @Test("a form of the earlier kind, or one compiled from another product or price book, is compiled again")
    func staleFormsAreCompiledAgain() async throws {
        try await LiveHub.with { hub in
            let (rep, catalog, product) = try await configurable(hub)
            let expected = try ProductConfigurator(catalog: catalog, product: product).configure(select: ["wifi"], deselect: [], priceBook: nil)
            _ = try rep.configurator(named: "pc-1")
            let (key, compiled) = try #require(try keptRoots(rep).first)
            let bundle = try catalog.verifiedBundle(of: product)
            let binding = SealBinding.configuratorRoot(product: product.id, bundleDigest: bundle.membersDigest)
            var form = try #require(try CompiledProduct.decode(rep.cipher.open(compiled, binding), product: product.id))
            form.pricingDigest = Array(repeating: 0, count: 32)
            for stale in [[1, 0], form.encode()] {
                try alter(rep, "UPDATE configurator_root SET root = ? WHERE product = ?", [try rep.cipher.seal(stale, binding), key])
                #expect(try rep.configurator(named: "pc-1").configure(select: ["wifi"], deselect: [], priceBook: nil) == expected)
                let reopened = try #require(try keptRoots(rep)[key])
                #expect(try CompiledProduct.decode(rep.cipher.open(reopened, binding), product: product.id)?.pricingDigest
                        == CompiledProduct.pricingDigest(of: product, priceBooks: catalog.priceBooks), "compiled again and kept")
            }
        }
    }

    @Test("a catalog change on the server re-signs the bundle, and the next configuration compiles it again")
    func changedBundleIsCompiledAgain() async throws {
        try await LiveHub.with { hub in
            let (rep, _, product) = try await configurable(hub)
            let before = try rep.configurator(named: "pc-1")
            let kept = try keptRoots(rep)
            var batch = RecordBatch()
            batch.productOptions = [ProductOption(productID: product.id, code: "usb", name: "USB hub", price: Money(minorUnits: 1_500, currency: .eur))]
            try await hub.store.insert(batch)
            _ = try await sync(rep)
            let after = try rep.configurator(named: "pc-1")
            #expect(!before.options.contains { $0.code == "usb" } && after.options.contains { $0.code == "usb" })
            #expect(try keptRoots(rep).keys == kept.keys && keptRoots(rep) != kept, "compiled again for the new bundle")
            let catalog = try rep.catalog()
            let afresh = try ProductConfigurator(catalog: catalog, product: product)
            let book = try catalog.priceBook(nil, for: product)
            #expect(try after.configureWithNeeds(select: ["usb"], deselect: [], priceBook: book) == afresh.configureWithNeeds(select: ["usb"], deselect: [], priceBook: book))
        }
    }

    @Test("configure answers while another command holds the replica, and the compiled form is kept by a later configuration")
    func busyReplicaStillConfigures() async throws {
        try await LiveHub.with { hub in
            let (rep, catalog, product) = try await configurable(hub)
            let expected = try ProductConfigurator(catalog: catalog, product: product).configure(select: [], deselect: [], priceBook: nil)
            // Another connection holds the replica's write lock (readers go on) while configuring.
            let other = try DatabaseQueue(path: rep.folder.appendingPathComponent(Replica.fileName).path)
            try other.inTransaction(.immediate) { _ in
                let configurator = try rep.configurator(for: product, in: catalog)
                #expect(try configurator.configure(select: [], deselect: [], priceBook: nil) == expected)
                return .rollback
            }
            #expect(try keptRoots(rep).isEmpty, "nothing was kept while the replica was held")
            _ = try rep.configurator(for: product, in: catalog)
            #expect(try keptRoots(rep).count == 1)
        }
    }

    @Test("a kept compiled form altered or sealed for another product is refused as an untrusted catalog, and nothing is configured")
    func alteredRootIsRefused() async throws {
        try await LiveHub.with { hub in
            let (rep, catalog, product) = try await configurable(hub)
            _ = try rep.configurator(for: product, in: catalog)
            let (key, sealed) = try #require(try keptRoots(rep).first)

            var flipped = [UInt8](sealed)
            flipped[flipped.count - 1] ^= 1
            try alter(rep, "UPDATE configurator_root SET root = ?", [Data(flipped)])
            for altered in refusals(rep, product, catalog) {
                #expect(altered?.code == .untrustedCatalog)
                #expect(altered?.message.contains("the kept compiled rules of PC-1 failed their check") == true, "\(String(describing: altered))")
            }
            let problems = try rep.check().problems
            #expect(problems.contains { $0.contains("the kept compiled rules of product \(product.id)") }, "\(problems)")

            // Sealed with the replica's key, but for the bundle of another product.
            let bundle = try catalog.verifiedBundle(of: product)
            let binding = SealBinding.configuratorRoot(product: product.id, bundleDigest: bundle.membersDigest)
            let form = try #require(try CompiledProduct.decode(rep.cipher.open(sealed, binding), product: product.id))
            let other = try rep.cipher.seal(form.encode(), .configuratorRoot(product: ProductID(), bundleDigest: bundle.membersDigest))
            try alter(rep, "UPDATE configurator_root SET root = ? WHERE product = ?", [other, key])
            #expect(refusal { () throws(ReplicaError) in _ = try rep.configurator(named: "pc-1") }?.code == .untrustedCatalog)

            // Sealed for this bundle, but citing a clause the rule model lacks.
            var misfit = form
            misfit.root = [Explanation(effect: 1, choices: [], clauses: [9])]
            try alter(rep, "UPDATE configurator_root SET root = ? WHERE product = ?", [try rep.cipher.seal(misfit.encode(), binding), key])
            for unfit in refusals(rep, product, catalog) {
                #expect(unfit?.code == .untrustedCatalog && unfit?.message.contains("do not fit its rule model") == true)
            }
        }
    }
}
