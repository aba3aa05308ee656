import Configurator
public import OutpostModel
import Pricing

/// What the rules make of one option after the choices.
public struct OptionOutcome: Sendable, Equatable, Encodable {
    /// `selected` (chosen), `forced` (required by the rules), `excluded`, or `open`.
    public enum State: String, Sendable, Encodable {
        case selected, forced, excluded, open
    }

    /// The option's id.
    public let id: String
    /// The option's code (for tables; not part of the JSON contract).
    public let code: String
    public let name: String
    public let state: State
    /// Why the option is forced or excluded, or what to undo, in words.
    public let reasons: [String]

    enum CodingKeys: String, CodingKey { case id, name, state, reasons }
}

/// A configuration's price: the configured unit list price in the book's currency.
public struct ConfigurationPrice: Sendable, Equatable, Encodable {
    /// A plain decimal, e.g. `1234.50`.
    public let amount: String
    public let currency: String
    /// The price book it comes from.
    public let priceBook: String

    enum CodingKeys: String, CodingKey {
        case amount, currency
        case priceBook = "price_book"
    }
}

/// The answer to `outpost configure`: DESIGN.md §8's `{valid, complete, price, options}`.
public struct ConfigurationOutcome: Sendable, Equatable, Encodable {
    /// A complete valid configuration exists with these choices.
    public let valid: Bool
    /// Valid, and no option is left open.
    public let complete: Bool
    /// The unit price of the chosen and forced options; `nil` when not valid.
    public let price: ConfigurationPrice?
    public let options: [OptionOutcome]
    /// What clashes and the fewest choices to undo, in words, when not valid.
    public let conflict: String?
    /// The options in the configuration: selected or forced.
    public let included: [ProductOptionID]

    enum CodingKeys: String, CodingKey { case valid, complete, price, options }

    /// Always writes all four keys; `price` is `null` when there is none.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(valid, forKey: .valid)
        try container.encode(complete, forKey: .complete)
        try container.encode(price, forKey: .price)
        try container.encode(options, forKey: .options)
    }
}

/// Configures a product offline: resolves option names, propagates the rules and prices
/// the result from a price book.
///
/// ```swift
/// let outcome = try ProductConfigurator(catalog: catalog, product: pc)
///     .configure(select: ["cpu-i7"], deselect: ["wifi"], priceBook: book)
/// ```
public struct ProductConfigurator: Sendable {
    public let catalog: Catalog
    public let product: Product
    let options: [ProductOption]
    let model: DIMACSModel?

    /// What the rules alone force and exclude, when known (``Replica/configurator(for:in:)``).
    private(set) var root: Propagation?

    /// - Throws: `.untrustedCatalog` when the product's records fail their signed
    ///   bundle's check; `.corrupt` when the product's rule model does not fit its options.
    public init(catalog: Catalog, product: Product) throws(ReplicaError) {
        _ = try catalog.verifiedBundle(of: product)
        try self.init(verified: catalog, product: product)
    }

    /// The configurator of `product` in `catalog`, whose signed bundle the caller has
    /// verified.
    /// - Throws: `.corrupt` when the product's rule model does not fit its options.
    init(verified catalog: Catalog, product: Product) throws(ReplicaError) {
        try self.init(verified: catalog, product: product, options: catalog.options(of: product.id), rules: catalog.model(of: product.id))
    }

    /// The configurator of `product` with `options` (in the catalog's order) and `rules`,
    /// from a catalog or a compiled form the caller has verified.
    /// - Throws: `.corrupt` when the rule model does not fit the options.
    init(verified catalog: Catalog, product: Product, options: [ProductOption], rules: ConfiguratorModel?) throws(ReplicaError) {
        self.catalog = catalog
        self.product = product
        self.options = options
        guard let rules else {
            model = nil
            return
        }
        var names: [Int: String] = [:]
        for option in options { if let variable = option.variable { names[variable] = option.name } }
        do {
            model = try DIMACSModel(variableCount: rules.variableCount, clauses: rules.clauses, names: names)
        } catch {
            throw ReplicaError(.corrupt, "the rule model of \(product.sku) does not fit its options (\(error.message)); ask an admin to re-import it")
        }
    }

    /// This configurator, starting each propagation from `root`: the propagation of no
    /// choice through the rule model.
    func starting(from root: Propagation) -> ProductConfigurator {
        var configurator = self
        configurator.root = root
        return configurator
    }

    /// A propagator for `model`, starting from the root when known.
    func freshPropagator(_ model: DIMACSModel) -> Propagator {
        root.map { Propagator(model: model, root: $0) } ?? Propagator(model: model)
    }

    /// The option named by `name`: its id, code or name (any case).
    /// - Throws: `.notFound` for an unknown name, `.invalid` for a name two options share.
    public func option(_ name: String) throws(ReplicaError) -> ProductOption {
        let wanted = name.lowercased()
        if let option = options.first(where: { $0.id.description == wanted || $0.code.lowercased() == wanted }) { return option }
        let named = options.filter { $0.name.lowercased() == wanted }
        guard named.count <= 1 else {
            throw ReplicaError(.invalid, "\"\(name)\" names \(named.count) options of \(product.sku); use a code: \(named.map(\.code).joined(separator: ", "))")
        }
        guard let option = named.first else {
            throw ReplicaError(.notFound, "\(product.sku) has no option \"\(name)\"; name options by id, code or name (outpost configure --product \(product.sku) lists them)")
        }
        return option
    }

    /// Propagates the choices (selections, then deselections) and prices the result.
    /// - Parameter priceBook: The book to price with; `nil` leaves the price out.
    public func configure(select: [String], deselect: [String], priceBook: PriceBook?) throws(ReplicaError) -> ConfigurationOutcome {
        let (chosen, choices) = try resolve(select: select, deselect: deselect)
        return try outcome(chosen: chosen, propagation: try propagate(choices), priceBook: priceBook)
    }

    /// ``configure(select:deselect:priceBook:)``'s outcome and, for valid choices, what
    /// ``suggestion(select:deselect:)`` names as still needed, from one propagation of
    /// the choices (both alone would propagate them twice).
    ///
    /// ```swift
    /// let (outcome, needed) = try configurator.configureWithNeeds(select: ["wifi"], deselect: [], priceBook: book)
    /// ```
    public func configureWithNeeds(select: [String], deselect: [String], priceBook: PriceBook?)
        throws(ReplicaError) -> (outcome: ConfigurationOutcome, needed: [ProductOption]) {
        let (chosen, choices) = try resolve(select: select, deselect: deselect)
        guard let model else { return (try outcome(chosen: chosen, propagation: nil, priceBook: priceBook), []) }
        var propagator = freshPropagator(model)
        let first = try propagate(&propagator, choices)
        let outcome = try outcome(chosen: chosen, propagation: first, priceBook: priceBook)
        guard first.valid else { return (outcome, []) }
        return (outcome, try completion(chosen: chosen, choices: choices, first: first, propagator: &propagator).needed)
    }

    /// The outcome of the choices' `propagation` (`nil` without a rule model): valid,
    /// priced, or the clash and what to undo.
    private func outcome(chosen: [ProductOptionID: Bool], propagation: Propagation?, priceBook: PriceBook?) throws(ReplicaError) -> ConfigurationOutcome {
        guard let model, let propagation, !propagation.valid else {
            return try validOutcome(chosen: chosen, propagation: propagation, priceBook: priceBook)
        }
        let wording = propagation.conflict.map(model.wording(of:)) ?? "These choices cannot be combined."
        let undo = Set(propagation.conflict?.undo.map { Int($0.magnitude) } ?? [])
        let outcomes = options.map { option in
            let state: OptionOutcome.State = chosen[option.id].map { $0 ? .selected : .excluded } ?? .open
            let reasons = option.variable.map(undo.contains) == true ? [wording] : []
            return OptionOutcome(id: option.id.description, code: option.code, name: option.name, state: state, reasons: reasons)
        }
        return ConfigurationOutcome(valid: false, complete: false, price: nil, options: outcomes, conflict: wording, included: [])
    }

    /// The options of the configuration the choices make when every option they leave
    /// open is left out: open options are ruled out one at a time (each step kept
    /// possible), and the result must not need an option the rep did
    /// not choose and the choices did not force.
    /// - Throws: `.invalid` for impossible choices (naming what to undo), or naming an
    ///   option the rules would still need, so the rep chooses it or an alternative.
    public func completion(select: [String], deselect: [String]) throws(ReplicaError) -> [ProductOptionID] {
        let (chosen, initialChoices) = try resolve(select: select, deselect: deselect)
        guard let model else { return options.filter { chosen[$0.id] == true }.map(\.id) }
        var propagator = freshPropagator(model)
        let first = try propagate(&propagator, initialChoices)
        if let conflict = first.conflict { throw ReplicaError(.invalid, model.wording(of: conflict)) }
        let kept = try kept(options.filter { chosen[$0.id] == nil && $0.variable != nil }, after: initialChoices, propagator: &propagator)
        let needed = options.filter { option in
            guard let variable = option.variable, kept.contains(option.id) else { return false }
            return first.state(of: variable) != .forced
        }
        guard needed.isEmpty else {
            let cheapest = (try? suggestion(select: select, deselect: deselect).needed) ?? needed
            throw ReplicaError(.invalid, "the configuration is not complete: the rules still need \(cheapest.count == 1 ? "a choice" : "\(cheapest.count) choices"); the cheapest completion selects \(cheapest.map(\.code).joined(separator: ", ")); add --complete cheapest, or select them or alternatives")
        }
        return options.filter { chosen[$0.id] ?? kept.contains($0.id) }.map(\.id)
    }

    /// The options named by `select` and `deselect`, and the literals they make.
    func resolve(select: [String], deselect: [String]) throws(ReplicaError) -> ([ProductOptionID: Bool], [Int32]) {
        var chosen: [ProductOptionID: Bool] = [:]
        var choices: [Int32] = []
        for (names, value) in [(select, true), (deselect, false)] {
            for name in names {
                let option = try option(name)
                if let earlier = chosen.updateValue(value, forKey: option.id), earlier != value {
                    throw ReplicaError(.invalid, "\(option.code) is both selected and deselected; name it once")
                }
                if let variable = option.variable { choices.append(Int32(value ? variable : -variable)) }
            }
        }
        return (chosen, choices)
    }

    private func propagate(_ choices: [Int32]) throws(ReplicaError) -> Propagation? {
        guard let model else { return nil }
        var propagator = freshPropagator(model)
        return try propagate(&propagator, choices)
    }

    /// Of `candidates` (unchosen options with a variable), those the rules keep when each
    /// is ruled out in turn, in order, where valid `choices` and those ruled out before it
    /// allow: what the completed configuration includes besides the choices.
    func kept(_ candidates: [ProductOption], after choices: [Int32], propagator: inout Propagator) throws(ReplicaError) -> Set<ProductOptionID> {
        guard let full = propagator.ruleOut(candidates.compactMap(\.variable), after: choices) else {
            throw ReplicaError(.corrupt, "the rules of \(product.sku) left a dead end; ask an admin to check them")
        }
        let ruledOut = Set(full.dropFirst(choices.count).map { Int($0.magnitude) })
        return Set(candidates.filter { $0.variable.map(ruledOut.contains) == false }.map(\.id))
    }

    func propagate(_ propagator: inout Propagator, _ choices: [Int32]) throws(ReplicaError) -> Propagation {
        do { return try propagator.propagate(choices: choices) } catch {
            throw ReplicaError(.corrupt, "an option of \(product.sku) has no variable in its rule model (\(error)); ask an admin to re-import it")
        }
    }

    /// The outcome of valid choices.
    private func validOutcome(chosen: [ProductOptionID: Bool], propagation: Propagation?, priceBook: PriceBook?) throws(ReplicaError) -> ConfigurationOutcome {
        var outcomes: [OptionOutcome] = []
        var clauseWordings: [Int: String] = [:]
        for option in options {
            var state: OptionOutcome.State = chosen[option.id].map { $0 ? .selected : .excluded } ?? .open
            var reasons: [String] = []
            if let variable = option.variable, let propagation, let model, chosen[option.id] == nil {
                switch propagation.state(of: variable) {
                case .forced: state = .forced
                case .excluded: state = .excluded
                default: break
                }
                if let explanation = propagation.explanation(of: variable) {
                    reasons = [model.wording(of: explanation, clauseWordings: &clauseWordings)]
                }
            }
            outcomes.append(OptionOutcome(id: option.id.description, code: option.code, name: option.name, state: state, reasons: reasons))
        }
        let included = zip(options, outcomes).filter { [.selected, .forced].contains($0.1.state) }.map(\.0.id)
        var price: ConfigurationPrice?
        if let priceBook {
            do {
                let line = try PriceList(priceBook: priceBook, products: [product], options: options)
                    .line(LineRequest(productID: product.id, optionIDs: included))
                price = ConfigurationPrice(amount: line.unitPrice.decimalString, currency: line.unitPrice.currency.code, priceBook: priceBook.name)
            } catch {
                throw ReplicaError(.invalid, error.message)
            }
        }
        return ConfigurationOutcome(valid: true, complete: !outcomes.contains { $0.state == .open }, price: price,
                                    options: outcomes, conflict: nil, included: included)
    }
}
