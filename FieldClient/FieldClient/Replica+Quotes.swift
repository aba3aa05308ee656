import Foundation
import MergeEngine
import OrderIntake
public import OutpostModel
import OutpostReplication
public import Pricing

/// Quotes and orders on the device, offline: every step is a replicated write that
/// reaches the server at the next sync (which re-prices and re-validates it).
extension Replica {
    /// How long a new quote's offer holds by default.
    public static let quoteValidityDays = 30

    /// Creates a draft quote on the opportunity named by its id (or short id, ``IDFragment``),
    /// valid for `validDays` days from `today`; the server numbers it at the next sync.
    public func newQuote(opportunity: String, validDays: Int = Replica.quoteValidityDays,
                         today: CalendarDay = .deviceToday) throws(ReplicaError) -> Quote {
        guard validDays >= 0 else { throw ReplicaError(.invalid, "a quote's validity must be 0 days or more (got \(validDays))") }
        let opportunity: Opportunity = try find(opportunity, "opportunity")
        let quote = Quote(opportunityID: opportunity.id, revision: 1, validUntil: today.adding(days: validDays))
        try create(quote)
        return quote
    }

    /// The quote named by its id or short id (``IDFragment``).
    public func quote(_ name: String) throws(ReplicaError) -> Quote { try find(name, "quote") }

    /// Every quote this device holds, optionally only those of one opportunity.
    public func quotes() throws(ReplicaError) -> [Quote] {
        try records(of: .quote).filter { !$0.view.isDeleted }.compactMap { try? $0.decoded() as? Quote }
    }

    /// Adds a configured product to a draft quote and re-prices it.
    /// - Parameters:
    ///   - priceBook: A price book's name or id; by default the quote's, else the product's.
    /// - Throws: `.invalid` for choices that cannot be combined (naming what to undo), a
    ///   configuration whose rules still need a choice (see
    ///   ``ProductConfigurator/completion(select:deselect:)``), or a quote that is not a draft.
    @discardableResult
    public func configureQuote(_ name: String, product: String, select: [String], deselect: [String], quantity: Int,
                               priceBook: String?) throws(ReplicaError) -> (Quote, PricedQuote) {
        var quote = try quote(name, in: .draft, "can be changed")
        let catalog = try catalog()
        let product = try catalog.product(product)
        let book = try quoteBook(quote, named: priceBook, for: product, catalog: catalog)
        let included = try configurator(for: product, in: catalog).completion(select: select, deselect: deselect)
        quote.lines.append(QuoteLine(productID: product.id, selectedOptionIDs: included, quantity: quantity,
                                     unitPrice: .zero(book.currency)))
        return try reprice(&quote, with: book, catalog: catalog)
    }

    /// Re-prices a draft quote from its price book, optionally setting its discounts.
    /// - Parameters:
    ///   - discountBasisPoints: The percentage discount in basis points (1250 is 12.5 %).
    ///   - discountAmount: A fixed discount as a decimal in the quote's currency; empty clears it.
    @discardableResult
    public func priceQuote(_ name: String, discountBasisPoints: Int? = nil, discountAmount: String? = nil) throws(ReplicaError) -> (Quote, PricedQuote) {
        var quote = try quote(name, in: .draft, "can be changed")
        let catalog = try catalog()
        let book = try pricedBook(quote, catalog)
        if let discountBasisPoints { quote.discountBasisPoints = discountBasisPoints }
        if let discountAmount {
            do throws(ValidationError) {
                quote.discountAmount = discountAmount.isEmpty ? nil : try Money(parsing: discountAmount, currency: book.currency, field: "discount_amount")
            } catch {
                throw ReplicaError(.invalid, error.description)
            }
        }
        return try reprice(&quote, with: book, catalog: catalog)
    }

    /// Submits a draft quote: re-priced, then `approved` at once when its discount is
    /// within the price book's threshold, else `submitted` for a manager's approval.
    @discardableResult
    public func submitQuote(_ name: String) throws(ReplicaError) -> (Quote, PricedQuote) {
        var quote = try quote(name, in: .draft, "can be changed")
        guard !quote.lines.isEmpty else { throw ReplicaError(.invalid, "quote \(quote.id) has no lines; add one with outpost quote configure") }
        let catalog = try catalog()
        var (_, priced) = try reprice(&quote, with: try pricedBook(quote, catalog), catalog: catalog, save: false)
        quote.status = priced.needsApproval ? .submitted : .approved
        (quote, priced) = try save(quote, priced)
        return (quote, priced)
    }

    /// Approves a submitted quote's discount; only a manager may.
    @discardableResult
    public func approveQuote(_ name: String) throws(ReplicaError) -> Quote {
        let identity = try identity()
        guard identity.role == Role.manager.rawValue else {
            throw ReplicaError(.invalid, "only a manager can approve a quote; \(identity.userName) is a \(identity.role)")
        }
        var quote = try quote(name, in: .submitted, "awaits approval")
        let users = try records(of: .user).compactMap { try? $0.decoded() as? User }
        quote.status = .approved
        quote.approvedBy = users.first { $0.name == identity.userName }?.id
        try write(quote)
        return quote
    }

    /// Records that the customer accepted an approved quote, after checking that its
    /// prices still hold and its offer has not expired by `today`.
    @discardableResult
    public func acceptQuote(_ name: String, today: CalendarDay = .deviceToday) throws(ReplicaError) -> Quote {
        var quote = try quote(name, in: .approved, "can be accepted")
        try refuseExpired(quote, today, "accepted")
        let catalog = try catalog()
        let priced = try price(quote, catalog.priceList(try pricedBook(quote, catalog)))
        if let mismatch = priced.mismatch(with: quote) {
            throw ReplicaError(.invalid, "prices changed since the quote was priced (\(mismatch)); nothing was changed")
        }
        quote.status = .accepted
        try write(quote)
        return quote
    }

    // MARK: Helpers

    /// The record of `kind` that `name` names: its id, its short id, or other 4+ hex
    /// digits from the id's start or end (``IDFragment``).
    func find<Record: ReplicatedRecord>(_ name: String, _ label: String) throws(ReplicaError) -> Record {
        guard let fragment = IDFragment(name) else {
            throw ReplicaError(.invalid, "\"\(name)\" is not a \(label) id; give its short id (\(ShortID.length) hex digits) or its whole id")
        }
        let matches = try records(of: Record.kind).filter { !$0.view.isDeleted && fragment.names($0.id.description) }
        guard matches.count <= 1 else {
            throw ReplicaError(.invalid, "\"\(name)\" names \(matches.count) \(label)s; give more of the id")
        }
        guard let local = matches.first else {
            throw ReplicaError(.notFound, "no \(label) \(name) in this replica; sync, or check the id")
        }
        do {
            guard let record = try local.decoded() as? Record else { throw ReplicaError(.corrupt, "\(label) \(name) is not a \(label)") }
            return record
        } catch {
            throw ReplicaError(.corrupt, "\(label) \(name) in this replica is unreadable: \(error)")
        }
    }

    /// The quote `name` when it is in `status`, else `.invalid` saying what only such a quote does.
    func quote(_ name: String, in status: QuoteStatus, _ purpose: String) throws(ReplicaError) -> Quote {
        let quote = try quote(name)
        guard quote.status == status else {
            let article = status.rawValue.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            throw ReplicaError(.invalid, "quote \(quote.id) is \(quote.status.rawValue); only \(article) \(status.rawValue) quote \(purpose)")
        }
        return quote
    }

    /// The book a quote is priced with: its own, else `name`, else the product's default.
    private func quoteBook(_ quote: Quote, named name: String?, for product: Product, catalog: Catalog) throws(ReplicaError) -> PriceBook {
        guard let id = quote.priceBookID else { return try catalog.priceBook(name, for: product) }
        let book = try catalog.priceBook(id: id)
        if let name, try catalog.priceBook(name, for: product).id != id {
            throw ReplicaError(.invalid, "quote \(quote.id) is priced with \(book.name); one quote uses one price book")
        }
        return book
    }

    func pricedBook(_ quote: Quote, _ catalog: Catalog) throws(ReplicaError) -> PriceBook {
        guard let id = quote.priceBookID else { throw ReplicaError(.invalid, "quote \(quote.id) has no lines to price; add one with outpost quote configure") }
        return try catalog.priceBook(id: id)
    }

    func price(_ quote: Quote, _ list: PriceList) throws(ReplicaError) -> PricedQuote {
        do { return try list.price(quote) } catch { throw ReplicaError(.invalid, "\(error.message); nothing was changed") }
    }

    /// Prices `quote` afresh from `book`, stores the unit prices, total, book and bundle
    /// version in it and, with `save`, writes it.
    @discardableResult
    func reprice(_ quote: inout Quote, with book: PriceBook, catalog: Catalog, save: Bool = true) throws(ReplicaError) -> (Quote, PricedQuote) {
        let bundleVersion = try catalog.bundleVersion(products: Set(quote.lines.map(\.productID)))
        let priced = try price(quote, catalog.priceList(book))
        for index in quote.lines.indices { quote.lines[index].unitPrice = priced.lines[index].unitPrice }
        quote.total = priced.total
        quote.priceBookID = book.id
        quote.bundleVersion = bundleVersion
        if quote.discountAmount?.currency != nil, quote.discountAmount?.currency != book.currency { quote.discountAmount = nil }
        return save ? try self.save(quote, priced) : (quote, priced)
    }

    private func save(_ quote: Quote, _ priced: PricedQuote) throws(ReplicaError) -> (Quote, PricedQuote) {
        try write(quote)
        return (quote, priced)
    }

    /// Writes the fields of `quote` that differ from the replica's.
    func write(_ quote: Quote) throws(ReplicaError) {
        if let edit = try changes(to: quote) { try apply([edit]) }
    }

    /// The update that turns the replica's `record` into the given one, `nil` if nothing differs.
    func changes(to record: some ReplicatedRecord) throws(ReplicaError) -> Edit? {
        let before = try self.record(record.recordID)?.view.values ?? [:]
        let changed = record.fields.filter { before[$0.key] != $0.value }
        return changed.isEmpty ? nil : .update(record.recordID, fields: changed)
    }
}
