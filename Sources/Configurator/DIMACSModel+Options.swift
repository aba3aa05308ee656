public import OutpostModel

/// A named variable of a DIMACS model, as a product option: its code and name.
public struct NamedOption: Hashable, Sendable {
    /// The 1-based variable number.
    public let variable: Int
    /// A code unique within the model: the slugified name, numbered when two names slugify alike.
    public let code: String
    /// The name from the model's `c N NAME` line (at most 200 characters).
    public let name: String
}

extension DIMACSModel {
    /// One option per named variable, by variable number, with unique codes.
    public func namedOptions() -> [NamedOption] {
        var takenCodes: Set<String> = []
        return names.sorted { $0.key < $1.key }.map { variable, fullName in
            let name = String(fullName.prefix(200))
            let slug = String(ASCIIFolding.slug(name).prefix(56))
            let base = slug.isEmpty ? "option-\(variable)" : slug
            var code = base
            var number = 1
            while !takenCodes.insert(code).inserted {
                number += 1
                code = "\(base)-\(number)"
            }
            return NamedOption(variable: variable, code: code, name: name)
        }
    }

    /// One option of `product` per named variable (``namedOptions()``), priced 0 in
    /// `currency`, each with the id its variable derives
    /// (``OutpostModel/ProductOption/modelOptionID(product:variable:)``).
    public func options(of product: ProductID, currency: Currency) -> [ProductOption] {
        namedOptions().map {
            ProductOption(id: ProductOption.modelOptionID(product: product, variable: $0.variable), productID: product,
                          code: $0.code, name: $0.name, price: .zero(currency), variable: $0.variable)
        }
    }

    /// The products' rule model for `product`, holding these clauses.
    public func configuratorModel(for product: ProductID) -> ConfiguratorModel {
        ConfiguratorModel(productID: product, variableCount: variableCount, clauses: clauses)
    }
}
