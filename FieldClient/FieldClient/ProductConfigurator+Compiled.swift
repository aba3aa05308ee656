import Configurator
import OutpostModel

extension ProductConfigurator {
    /// The configurator `compiled` holds for `product`, with the products, price books and
    /// bundles of `pricing` (a catalog read without its rules), starting from the root
    /// `compiled` keeps.
    /// - Throws: `.untrustedCatalog` when that root does not fit the rule model; `.corrupt`
    ///   when the rule model does not fit the options.
    init(compiled: CompiledProduct, product: Product, pricing: Catalog) throws(ReplicaError) {
        let catalog = Catalog(products: pricing.products, options: compiled.options, models: compiled.model.map { [$0] } ?? [],
                              priceBooks: pricing.priceBooks, bundles: Array(pricing.bundles.values), signingKey: pricing.signingKey)
        try self.init(verified: catalog, product: product, options: compiled.options, rules: compiled.model)
        self = try starting(fromKept: compiled.root)
    }

    /// This configurator starting from `consequences`, the kept root of its rule model
    /// (`nil`: none kept).
    /// - Throws: `.untrustedCatalog` when the consequences do not fit the rule model.
    func starting(fromKept consequences: [Explanation]?) throws(ReplicaError) -> ProductConfigurator {
        guard let model, let consequences else { return self }
        guard let root = Propagation(model: model, rootConsequences: consequences) else {
            throw ReplicaError(.untrustedCatalog, "the kept compiled rules of \(product.sku) do not fit its rule model; "
                + "nothing was configured. Move the replica folder aside and enrol the device again")
        }
        return starting(from: root)
    }

    /// This configurator's compiled form, with the root of its rule model computed now (a
    /// SAT call per option the rules alone force or exclude), and this configurator
    /// starting from that root (unless the rules alone clash).
    func compiled() throws(ReplicaError) -> (form: CompiledProduct, configurator: ProductConfigurator) {
        var root: Propagation?
        if let model {
            var propagator = Propagator(model: model)
            root = try propagate(&propagator, [])
        }
        let form = CompiledProduct(pricingDigest: CompiledProduct.pricingDigest(of: product, priceBooks: catalog.priceBooks),
                                   options: options, model: catalog.model(of: product.id), root: root?.rootConsequences)
        guard let root, form.root != nil else { return (form, self) }
        return (form, starting(from: root))
    }
}
