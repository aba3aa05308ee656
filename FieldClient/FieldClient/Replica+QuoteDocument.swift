import OrderIntake
public import OutpostModel
import OutpostReplication
import Pricing

extension Replica {
    /// The customer document of a quote, priced afresh from its price book on this
    /// device (offline): the customer and contact from the replica, every line with its
    /// options and prices (``OrderSheet``), discounts, total and validity.
    /// - Parameters:
    ///   - company: The selling company's name for the head of the document.
    ///   - terms: The terms to print; empty: ``QuoteDocument/standardTerms``.
    /// - Throws: `.invalid` for a quote without lines or price book.
    public func quoteDocument(_ name: String, company: String, terms: [String] = [],
                              today: CalendarDay = .deviceToday) throws(ReplicaError) -> QuoteDocument {
        let quote = try quote(name)
        let catalog = try catalog()
        let priced = try price(quote, catalog.priceList(try pricedBook(quote, catalog)))
        let opportunity: Opportunity? = try? find(quote.opportunityID.description, "opportunity")
        let account: Account? = opportunity.flatMap { try? find($0.accountID.description, "account") }
        let owner: User? = opportunity.flatMap { try? find($0.ownerID.description, "user") }
        let contact = try? records(of: .contact).compactMap { try? $0.decoded() as? Contact }
            .filter { $0.accountID == opportunity?.accountID }.sorted { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }.first
        let parties = OrderParties(account: account, opportunity: opportunity, contact: contact, owner: owner)
        return QuoteDocument(
            company: company, number: quote.label, quoteID: quote.id.description, issued: today, validUntil: quote.validUntil,
            customer: parties.customer ?? "Customer", address: account.flatMap { [$0.city, $0.country].compactMap { $0 }.joined(separator: ", ") },
            contact: parties.contact, rep: parties.rep, subject: parties.opportunity, status: quote.status, currency: priced.currency,
            lines: OrderSheet.lines(priced, products: Dictionary(catalog.products.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                                    options: Dictionary(catalog.options.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })),
            subtotal: priced.subtotal, discountBasisPoints: quote.discountBasisPoints, percentageDiscount: priced.percentageDiscount,
            amountDiscount: priced.amountDiscount, total: priced.total, terms: terms.isEmpty ? QuoteDocument.standardTerms : terms)
    }
}
