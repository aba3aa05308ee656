import Configurator
@testable import FieldClient
import Foundation
import GRDB
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import Testing

/// What a product's rules alone force and exclude, kept in the replica for the signed
/// bundle it was computed from (`Replica.configurator(for:in:)`).
@Suite("The configurator's kept root on the device", .serialized)
struct ConfiguratorRootTests {
    /// The sealed kept roots of `rep`, by product.
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

    @Test("configure starts from the kept root, computed once per signed bundle, and answers as without it")
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
            #expect(try keptRoots(rep) == kept, "a second configuration opens the kept root, not a new one")
            for configurator in [computed, fromKept] {
                for (select, deselect) in [([], []), (["wifi"], []), ([], ["ssd-fast"]), (["ssd-small", "wifi"], []), (["chassis"], [])] {
                    let (outcome, needed) = try configurator.configureWithNeeds(select: select, deselect: deselect, priceBook: book)
                    let (expected, expectedNeeded) = try afresh.configureWithNeeds(select: select, deselect: deselect, priceBook: book)
                    #expect(outcome == expected && needed == expectedNeeded, "select \(select), deselect \(deselect)")
                }
            }
            let chassis = try #require(try fromKept.configure(select: [], deselect: [], priceBook: nil).options.first { $0.code == "chassis" })
            #expect(chassis.state == .forced && chassis.reasons.first?.contains("“Chassis” is required") == true, "\(chassis.reasons)")

            // A root kept for another bundle (its digest differs) is stale: computed again and replaced.
            try alter(rep, "UPDATE configurator_root SET bundle = zeroblob(32)")
            _ = try rep.configurator(for: product, in: catalog)
            #expect(try keptRoots(rep).keys == kept.keys && keptRoots(rep) != kept)
        }
    }

    @Test("configure answers while another command holds the replica, and the root is kept by a later configuration")
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

    @Test("a kept root altered or sealed for another product is refused as an untrusted catalog, and nothing is configured")
    func alteredRootIsRefused() async throws {
        try await LiveHub.with { hub in
            let (rep, catalog, product) = try await configurable(hub)
            _ = try rep.configurator(for: product, in: catalog)
            let (key, sealed) = try #require(try keptRoots(rep).first)

            var flipped = [UInt8](sealed)
            flipped[flipped.count - 1] ^= 1
            try alter(rep, "UPDATE configurator_root SET root = ?", [Data(flipped)])
            let altered = refusal { () throws(ReplicaError) in _ = try rep.configurator(for: product, in: catalog) }
            #expect(altered?.code == .untrustedCatalog)
            #expect(altered?.message.contains("the kept consequences of the rules of PC-1 failed their check") == true, "\(String(describing: altered))")
            let problems = try rep.check().problems
            #expect(problems.contains { $0.contains("the kept configurator root of product \(product.id)") }, "\(problems)")

            // Sealed with the replica's key, but for the bundle of another product.
            let bundle = try catalog.verifiedBundle(of: product)
            let other = try rep.cipher.seal(ConfiguratorRoot.encode([]), .configuratorRoot(product: ProductID(), bundleDigest: bundle.membersDigest))
            try alter(rep, "UPDATE configurator_root SET root = ? WHERE product = ?", [other, key])
            #expect(refusal { () throws(ReplicaError) in _ = try rep.configurator(for: product, in: catalog) }?.code == .untrustedCatalog)

            // Sealed for this bundle, but citing a clause the rule model lacks.
            let binding = SealBinding.configuratorRoot(product: product.id, bundleDigest: bundle.membersDigest)
            let misfit = try rep.cipher.seal(ConfiguratorRoot.encode([Explanation(effect: 1, choices: [], clauses: [9])]), binding)
            try alter(rep, "UPDATE configurator_root SET root = ? WHERE product = ?", [misfit, key])
            let unfit = refusal { () throws(ReplicaError) in _ = try rep.configurator(for: product, in: catalog) }
            #expect(unfit?.code == .untrustedCatalog && unfit?.message.contains("do not fit its rule model") == true)
        }
    }
}
