import OrderIntake
import OutpostModel
import Pricing
import PropertyBased
import Testing

@Suite("The order's sheet and the quote's lifecycle at intake")
struct OrderSheetTests {
    let product = Product(sku: "PC-1", name: "Workstation", basePrice: Money(minorUnits: 129_900, currency: .eur))
    let options: [ProductOption]

    init() {
        options = [
            ProductOption(productID: product.id, code: "ssd", name: "Fast SSD", price: Money(minorUnits: 12_000, currency: .eur)),
            ProductOption(productID: product.id, code: "wifi", name: "Wi-Fi", price: Money(minorUnits: 3_033, currency: .eur)),
        ]
    }

    /// A price book with slab or range tiers at `discounts` from quantities 1, 10 and 50.
    func book(_ kind: TierKind, _ discounts: [Int]) -> PriceBook {
        PriceBook(name: "EUR", currency: .eur, entries: [product.id: product.basePrice],
                  tiers: [product.id: VolumeSchedule(kind: kind, tiers: zip([1, 10, 50], discounts).map {
                      VolumeTier(fromQuantity: $0, discountBasisPoints: $1)
                  })])
    }

    /// An accepted quote of `quantities` lines priced from `book`.
    func quote(_ quantities: [Int], percent: Int, amount: Int64, book: PriceBook) throws -> (Quote, PricedQuote) {
        let list = PriceList(priceBook: book, products: [product], options: options)
        let requests = quantities.enumerated().map { index, quantity in
            LineRequest(productID: product.id, optionIDs: index % 2 == 0 ? options.map(\.id) : [options[0].id], quantity: quantity)
        }
        let priced = try list.price(lines: requests, discountBasisPoints: percent, discountAmount: Money(minorUnits: amount, currency: .eur))
        let quote = Quote(opportunityID: OpportunityID(), status: .accepted,
                          lines: zip(requests, priced.lines).map {
                              QuoteLine(productID: $0.productID, selectedOptionIDs: $0.optionIDs, quantity: $0.quantity, unitPrice: $1.unitPrice)
                          },
                          discountBasisPoints: percent, bundleVersion: 3, discountAmount: Money(minorUnits: amount, currency: .eur),
                          priceBookID: book.id, total: priced.total, number: 12, revision: 2)
        return (quote, priced)
    }

    @Test("Whatever the tiers, quantities and discounts, the sheet's lines add up to the subtotal and the discounts to the total, to the cent")
    func sheetAddsUp() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...120).array(of: 1...4), Gen.int(in: 0...10_000).array(of: 3...3),
                            Gen.int(in: 0...10_000), Gen.int64(in: 0...5_000_000), Gen.bool) { quantities, discounts, percent, amount, slab in
            let prices = self.book(slab ? .slab : .range, discounts)
            let (quote, priced) = try self.quote(quantities, percent: percent, amount: amount, book: prices)
            let sheet = OrderSheet.fill(Order(quoteID: quote.id, quoteHash: QuoteVersion.hash(of: quote)), quote: quote, priced: priced,
                                        products: [product.id: product], options: Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0) }),
                                        parties: OrderParties(customer: "Bluewood GmbH", address: "Bluewood GmbH, Hamburg, DE"))
            try sheet.validate()
            #expect(sheet.lines.map(\.total.minorUnits).reduce(0, +) == sheet.subtotal?.minorUnits)
            #expect(sheet.total == priced.total && sheet.quoteNumber == "Q-000012-2")
            #expect(sheet.lines.map(\.sku) == quantities.map { _ in "PC-1" })
            #expect(sheet.lines.first?.options.map(\.name) == ["Fast SSD", "Wi-Fi"])
            #expect(sheet.shipTo == "Bluewood GmbH, Hamburg, DE" && sheet.billTo == sheet.shipTo)
            let readable = ReadableOrder(sheet)
            #expect(readable.lines.count == quantities.count && readable.total == priced.total.decimalString)
        }
    }

    @Test("A sheet whose figures do not add up is refused by the model")
    func brokenSheet() throws {
        let (quote, priced) = try self.quote([12], percent: 1_000, amount: 0, book: book(.slab, [0, 500, 900]))
        let sheet = OrderSheet.fill(Order(quoteID: quote.id, quoteHash: ""), quote: quote, priced: priced, products: [product.id: product],
                                    options: Dictionary(uniqueKeysWithValues: options.map { ($0.id, $0) }), parties: OrderParties())
        var short = sheet
        short.lines[0].total = Money(minorUnits: sheet.lines[0].total.minorUnits - 1, currency: .eur)
        #expect(throws: ValidationError.self) { try short.validate() }
        var cheap = sheet
        cheap.total = Money(minorUnits: 1, currency: .eur)
        #expect(throws: ValidationError.self) { try cheap.validate() }
    }

    @Test("An order placed after its quote's validity date is refused; on the last day it is taken")
    func expiry() throws {
        let prices = book(.slab, [0, 0, 0])
        var (quote, _) = try self.quote([2], percent: 0, amount: 0, book: prices)
        let lastDay = try CalendarDay(year: 2026, month: 12, day: 24)
        quote.validUntil = lastDay
        let catalog = IntakeCatalog(products: [product], options: options, models: [], priceBook: prices, signedBundleVersions: [3])
        func review(on day: CalendarDay?) -> IntakeRefusal.Code? {
            var order = Order(quoteID: quote.id, quoteHash: QuoteVersion.hash(of: quote))
            order.orderedOn = day
            do { _ = try OrderIntake.review(order, quote: quote, catalog: catalog); return nil } catch { return error.code }
        }
        #expect(review(on: lastDay) == nil)
        #expect(review(on: lastDay.adding(days: 1)) == .quoteExpired)
        #expect(review(on: nil) == .quoteExpired, "an order on a dated quote must say when it was placed")
        #expect(quote.isExpired(on: lastDay.adding(days: 1)) && !quote.isExpired(on: lastDay))
    }

    @Test("The server writes the sheet: a device's order carrying one is refused; the quote's number is not part of its version")
    func sheetIsTheServers() throws {
        let prices = book(.slab, [0, 0, 0])
        let (quote, _) = try self.quote([2], percent: 0, amount: 0, book: prices)
        let catalog = IntakeCatalog(products: [product], options: options, models: [], priceBook: prices, signedBundleVersions: [3])
        var order = Order(quoteID: quote.id, quoteHash: QuoteVersion.hash(of: quote))
        order.customer = "Someone Else Ltd"
        #expect(throws: IntakeRefusal.self) { try OrderIntake.review(order, quote: quote, catalog: catalog) }
        var renumbered = quote
        renumbered.number = nil
        #expect(QuoteVersion.hash(of: renumbered) == QuoteVersion.hash(of: quote), "ordered offline before the server numbered it")
        renumbered.revision = 3
        #expect(QuoteVersion.hash(of: renumbered) != QuoteVersion.hash(of: quote))
    }
}
