import Foundation
import GRDB
import MergeEngine
public import OutpostModel
import OutpostReplication

extension Replica {
    /// The configurator of the product named `name` (id, SKU or name, as
    /// ``Catalog/product(_:)``), read from the product's compiled form when this replica
    /// keeps one for the product's signed bundle: one sealed value instead of every
    /// option record. Else as ``configurator(for:in:)`` over the whole catalog, which
    /// compiles and keeps the form.
    ///
    /// The compiled form is trusted by the bundle's signature (verified now) over the
    /// digest it is sealed with, which the records it was compiled from matched when it
    /// was kept; the product and its price books, read from their records, must match the
    /// digest it keeps of them, else it is compiled again (and the records checked).
    ///
    /// ```swift
    /// let configurator = try replica.configurator(named: "PC-1")
    /// ```
    /// - Throws: as ``configurator(for:in:)``; `.notFound` for an unknown product.
    public func configurator(named name: String) throws(ReplicaError) -> ProductConfigurator {
        let pricing = try catalog(rules: false)
        let product = try pricing.product(name)
        if let bundle = pricing.signedBundle(of: product), let compiled = try compiled(product, bundle: bundle, in: pricing) {
            return try ProductConfigurator(compiled: compiled, product: product, pricing: pricing)
        }
        return try configurator(for: product, in: try catalog())
    }

    /// The configurator of `product` in `catalog` (this replica's), starting from what the
    /// product's rules alone force and exclude: kept in the replica, in the product's
    /// compiled form, for the signed bundle it was computed from, else computed now (a SAT
    /// call per such option) and kept with the compiled form, so only the first
    /// configuration after each catalog change pays for it (or the next one, when another
    /// command holds the replica at that moment).
    ///
    /// ```swift
    /// let catalog = try replica.catalog()
    /// let configurator = try replica.configurator(for: try catalog.product("PC-1"), in: catalog)
    /// ```
    /// - Throws: `.untrustedCatalog` when the product's records fail their signed
    ///   bundle's check, or when the kept compiled form was altered (its seal binds it to
    ///   the product and the bundle's digest) or does not fit the rule model; `.corrupt` as
    ///   ``ProductConfigurator/init(catalog:product:)``.
    public func configurator(for product: Product, in catalog: Catalog) throws(ReplicaError) -> ProductConfigurator {
        let bundle = try catalog.verifiedBundle(of: product)
        let configurator = try ProductConfigurator(verified: catalog, product: product)
        if let kept = try compiled(product, bundle: bundle, in: catalog) { return try configurator.starting(fromKept: kept.root) }
        let (compiled, fromRoot) = try configurator.compiled()
        let sealed = try cipher.seal(compiled.encode(), .configuratorRoot(product: product.id, bundleDigest: bundle.membersDigest))
        do {
            try write { db in
                try db.execute(sql: "INSERT OR REPLACE INTO configurator_root (product, bundle, root) VALUES (?, ?, ?)",
                               arguments: [Data(RecordID(product.id).bytes), Data(bundle.membersDigest), sealed])
            }
        } catch let error where error.code == .busy {
            // Another command holds the replica: the compiled form is only kept to save
            // time, so this configuration answers without keeping it and a later one keeps it.
        }
        return fromRoot
    }

    /// The compiled form of `product` kept for `bundle`, or `nil` when none is kept for
    /// it: none yet, one for another bundle, one of the earlier form, or one compiled with
    /// another product record or other price books than `catalog`'s.
    /// - Throws: `.untrustedCatalog` when the kept form fails its seal or does not decode.
    private func compiled(_ product: Product, bundle: CatalogBundle, in catalog: Catalog) throws(ReplicaError) -> CompiledProduct? {
        let kept = try read { db in
            try Row.fetchOne(db, sql: "SELECT bundle, root FROM configurator_root WHERE product = ?", arguments: [Data(RecordID(product.id).bytes)])
        }
        guard let kept, (kept["bundle"] as Data) == Data(bundle.membersDigest) else { return nil }
        let compiled: CompiledProduct?
        do {
            let binding = SealBinding.configuratorRoot(product: product.id, bundleDigest: bundle.membersDigest)
            compiled = try CompiledProduct.decode(try cipher.open(kept["root"], binding), product: product.id)
        } catch {
            throw ReplicaError(.untrustedCatalog, "the kept compiled rules of \(product.sku) failed their check (\(error)); "
                + "nothing was configured. Move the replica folder aside and enrol the device again")
        }
        return compiled.flatMap { $0.pricingDigest == CompiledProduct.pricingDigest(of: product, priceBooks: catalog.priceBooks) ? $0 : nil }
    }
}
