import OrderIntake
import OutpostModel
import Pricing
import Testing

@Suite("Order intake: what the server checks before it takes an order")
struct OrderIntakeTests {
    let product = Product(sku: "PC-1", name: "Workstation", basePrice: Money(minorUnits: 100_000, currency: .eur))
    let book: PriceBook
    let catalog: IntakeCatalog

    init() {
        book = PriceBook(name: "EUR", currency: .eur, entries: [product.id: product.basePrice], approvalThresholdBasisPoints: 1_000)
        catalog = IntakeCatalog(products: [product], options: [], models: [], priceBook: book, signedBundleVersions: [3])
    }

    /// An accepted quote for `quantity` units at `discount` basis points, priced as a device would.
    func quote(quantity: Int = 2, discount: Int = 0) throws -> Quote {
        let priced = try PriceList(priceBook: book, products: [product], options: [])
            .price(lines: [LineRequest(productID: product.id, optionIDs: [], quantity: quantity)], discountBasisPoints: discount, discountAmount: nil)
        return Quote(opportunityID: OpportunityID(), status: .accepted,
                     lines: [QuoteLine(productID: product.id, selectedOptionIDs: [], quantity: quantity, unitPrice: priced.lines[0].unitPrice)],
                     discountBasisPoints: discount, bundleVersion: 3, priceBookID: book.id, total: priced.total)
    }

    func refusal(_ order: Order, _ quote: Quote?, _ catalog: IntakeCatalog) -> IntakeRefusal.Code? {
        do { _ = try OrderIntake.review(order, quote: quote, catalog: catalog); return nil } catch { return error.code }
    }

    @Test("A sound order is taken at the server's total; each broken rule is refused with its code")
    func rules() throws {
        let good = try quote()
        let order = Order(quoteID: good.id, quoteHash: QuoteVersion.hash(of: good))
        #expect(try OrderIntake.review(order, quote: good, catalog: catalog).total == Money(minorUnits: 200_000, currency: .eur))
        #expect(refusal(order, nil, catalog) == .unknownQuote)

        var draft = good
        draft.status = .approved
        #expect(refusal(Order(quoteID: draft.id, quoteHash: QuoteVersion.hash(of: draft)), draft, catalog) == .quoteNotAccepted)

        var changed = good
        changed.lines[0].quantity = 3
        #expect(refusal(order, changed, catalog) == .quoteChanged, "the order names the two-unit version")

        var tampered = good
        tampered.total = Money(minorUnits: 1, currency: .eur)
        #expect(refusal(Order(quoteID: tampered.id, quoteHash: QuoteVersion.hash(of: tampered)), tampered, catalog) == .priceMismatch)

        var unsigned = good
        unsigned.bundleVersion = 4
        #expect(refusal(Order(quoteID: unsigned.id, quoteHash: QuoteVersion.hash(of: unsigned)), unsigned, catalog) == .unknownBundle,
                "priced with a bundle version the server never signed")

        var numbered = order
        numbered.number = OrderNumber(7)
        #expect(refusal(numbered, good, catalog) == .invalidOrder, "only the server numbers orders")
    }

    @Test("A discount over the threshold needs a manager's approval")
    func approval() throws {
        var discounted = try quote(discount: 2_000)
        let order = { (quote: Quote) in Order(quoteID: quote.id, quoteHash: QuoteVersion.hash(of: quote)) }
        #expect(refusal(order(discounted), discounted, catalog) == .needsApproval)
        discounted.approvedBy = UserID()
        var approved = catalog
        approved.approverRole = .rep
        #expect(refusal(order(discounted), discounted, approved) == .needsApproval, "a rep cannot approve")
        approved.approverRole = .manager
        #expect(refusal(order(discounted), discounted, approved) == nil)
    }
}
