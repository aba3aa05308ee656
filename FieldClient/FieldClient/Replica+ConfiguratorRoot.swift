import Configurator
import Foundation
import GRDB
import MergeEngine
public import OutpostModel
import OutpostReplication

extension Replica {
    /// The configurator of `product` in `catalog` (this replica's), starting from what the
    /// product's rules alone force and exclude: kept in the replica for the signed bundle
    /// it was computed from, else computed now (a SAT call per such option) and kept, so
    /// only the first configuration after each catalog change pays for it (or the next
    /// one, when another command holds the replica at that moment).
    ///
    /// ```swift
    /// let catalog = try replica.catalog()
    /// let configurator = try replica.configurator(for: try catalog.product("PC-1"), in: catalog)
    /// ```
    /// - Throws: `.untrustedCatalog` when the product's records fail their signed
    ///   bundle's check, or when the kept root was altered (its seal binds it to the
    ///   product and the bundle's digest) or does not fit the rule model; `.corrupt` as
    ///   ``ProductConfigurator/init(catalog:product:)``.
    public func configurator(for product: Product, in catalog: Catalog) throws(ReplicaError) -> ProductConfigurator {
        let bundle = try catalog.verifiedBundle(of: product)
        let configurator = try ProductConfigurator(verified: catalog, product: product)
        guard let model = configurator.model else { return configurator }
        let productKey = Data(RecordID(product.id).bytes)
        let binding = SealBinding.configuratorRoot(product: product.id, bundleDigest: bundle.membersDigest)
        let kept = try read { db in
            try Row.fetchOne(db, sql: "SELECT bundle, root FROM configurator_root WHERE product = ?", arguments: [productKey])
        }
        if let kept, (kept["bundle"] as Data) == Data(bundle.membersDigest) {
            let consequences: [Explanation]
            do {
                consequences = try ConfiguratorRoot.decode(try cipher.open(kept["root"], binding))
            } catch {
                throw ReplicaError(.untrustedCatalog, "the kept consequences of the rules of \(product.sku) failed their check (\(error)); "
                    + "nothing was configured. Move the replica folder aside and enrol the device again")
            }
            guard let root = Propagation(model: model, rootConsequences: consequences) else {
                throw ReplicaError(.untrustedCatalog, "the kept consequences of the rules of \(product.sku) do not fit its rule model; "
                    + "nothing was configured. Move the replica folder aside and enrol the device again")
            }
            return configurator.starting(from: root)
        }
        var propagator = Propagator(model: model)
        let root = try configurator.propagate(&propagator, [])
        guard let consequences = root.rootConsequences else { return configurator }
        let sealed = try cipher.seal(ConfiguratorRoot.encode(consequences), binding)
        do {
            try write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO configurator_root (product, bundle, root) VALUES (?, ?, ?)",
                               arguments: [productKey, Data(bundle.membersDigest), sealed])
            }
        } catch let error where error.code == .busy {
            // Another command holds the replica: the root is only kept to save time, so
            // this configuration answers without keeping it and a later one keeps it.
        }
        return configurator.starting(from: root)
    }
}
