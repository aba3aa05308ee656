import Configurator
public import OutpostModel
import Pricing

/// The server's re-validation of an order a device placed: the order is taken only
/// if its quote is on the server, accepted, unchanged since the order was placed,
/// priced with a catalog bundle version the server signed, every line a valid configuration of its product, and every price what the
/// server's own pricing gives. Nothing the device computed is trusted.
public enum OrderIntake {
    /// Reviews a newly pushed `order` placed on `quote` (the server's copy, `nil` if
    /// it has none).
    /// - Returns: the quote as the server prices it (its total is the order's).
    /// - Throws: ``IntakeRefusal`` with a reason for the rep.
    public static func review(_ order: Order, quote: Quote?, catalog: IntakeCatalog) throws(IntakeRefusal) -> PricedQuote {
        guard order.status == .submitted, order.number == nil, order.total == nil, order.lines.isEmpty, order.subtotal == nil else {
            throw IntakeRefusal(.invalidOrder, "a new order must be submitted without a number, total or priced lines (the server gives them); place it again with outpost order place")
        }
        guard order.customer == nil, order.contact == nil, order.rep == nil, order.opportunity == nil, order.quoteNumber == nil else {
            throw IntakeRefusal(.invalidOrder, "a new order must leave the customer, contact, rep, opportunity and quote number to the server; place it again with outpost order place")
        }
        guard let quote else {
            throw IntakeRefusal(.unknownQuote, "quote \(order.quoteID) is not on the server; sync the quote before placing the order")
        }
        guard quote.status == .accepted else {
            throw IntakeRefusal(.quoteNotAccepted, "quote \(quote.id) is \(quote.status.rawValue), not accepted; only an accepted quote can be ordered")
        }
        if let validUntil = quote.validUntil {
            guard let placed = order.orderedOn, placed <= validUntil else {
                throw IntakeRefusal(.quoteExpired, "quote \(quote.label) was valid until \(validUntil)\(order.orderedOn.map { " and the order was placed on \($0)" } ?? " and the order names no day"); revise the quote (outpost quote revise) and order the revision")
            }
        }
        guard QuoteVersion.hash(of: quote) == order.quoteHash else {
            throw IntakeRefusal(.quoteChanged, "quote \(quote.id) changed after the order was placed; sync, check the quote and place the order again")
        }
        guard !quote.lines.isEmpty else {
            throw IntakeRefusal(.invalidOrder, "quote \(quote.id) has no lines; add a configured product before ordering")
        }
        guard catalog.signedBundleVersions.contains(quote.bundleVersion) else {
            throw IntakeRefusal(.unknownBundle, "quote \(quote.id) was priced with catalog bundle version \(quote.bundleVersion), which this server never signed for its products; sync, re-price the quote and place the order again")
        }
        for (index, line) in quote.lines.enumerated() {
            try checkConfiguration(line, number: index + 1, catalog: catalog)
        }
        let priced = try price(quote, catalog: catalog)
        if let mismatch = priced.mismatch(with: quote) {
            throw IntakeRefusal(.priceMismatch, "quote \(quote.id): \(mismatch); re-price the quote and place the order again")
        }
        if priced.needsApproval, quote.approvedBy == nil || catalog.approverRole != .manager {
            throw IntakeRefusal(.needsApproval, "quote \(quote.id) gives a \(priced.discount) discount, over the price book's threshold, without a manager's approval; ask your manager to approve it")
        }
        return priced
    }

    /// The server's own price of `quote` from its price book (`Pricing`).
    static func price(_ quote: Quote, catalog: IntakeCatalog) throws(IntakeRefusal) -> PricedQuote {
        guard let book = catalog.priceBook, book.id == quote.priceBookID else {
            throw IntakeRefusal(.priceMismatch, "quote \(quote.id) names no price book the server has; price it with outpost quote price")
        }
        let list = PriceList(priceBook: book, products: Array(catalog.products.values), options: Array(catalog.options.values))
        do throws(PricingError) { return try list.price(quote) } catch {
            throw IntakeRefusal(.priceMismatch, "the server cannot price quote \(quote.id): \(error.message)")
        }
    }

    /// Checks that `line` names a known product and options of it, and that its
    /// selected options can be completed to a configuration the product's rules allow
    /// (options the line leaves out are open, as forced options may be).
    static func checkConfiguration(_ line: QuoteLine, number: Int, catalog: IntakeCatalog) throws(IntakeRefusal) {
        guard catalog.products[line.productID] != nil else {
            throw IntakeRefusal(.invalidConfiguration, "line \(number) names product \(line.productID), which the server's catalog lacks")
        }
        for id in line.selectedOptionIDs where catalog.options[id]?.productID != line.productID {
            throw IntakeRefusal(.invalidConfiguration, "line \(number) selects option \(id), which is not an option of its product")
        }
        guard let model = catalog.models[line.productID] else { return }
        let assumptions = line.selectedOptionIDs.compactMap { id -> Int32? in
            guard let variable = catalog.options[id]?.variable, let literal = Int32(exactly: variable),
                  (1...model.variableCount).contains(variable) else { return nil }
            return literal
        }
        var solver = SATSolver(variableCount: model.variableCount, clauses: model.clauses)
        guard solver.solve(assuming: assumptions).isSatisfiable else {
            throw IntakeRefusal(.invalidConfiguration, "line \(number) is not a valid configuration of its product under the server's rules; reconfigure it with outpost configure")
        }
    }
}
