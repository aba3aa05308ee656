import OutpostModel
import Pricing
import Testing

@Suite("Pricing")
struct PricingTests {
    let fixtures = Fixtures()

    @Test("Unit price is the book's product price plus the options'")
    func unitPrice() throws {
        let line = try fixtures.list().line(fixtures.line(2, options: [fixtures.ssd, fixtures.cable]))
        #expect(line.productPrice == eur(10_000))
        #expect(line.optionsPrice == eur(2_505))
        #expect(line.unitPrice == eur(12_505))
        #expect(line.total == eur(25_010))
    }

    @Test("Range tiers at their boundaries price every unit at the reached tier", arguments: [
        (9, Int64(90_000)), (10, 90_000), (49, 441_000), (50, 400_000), (51, 408_000),
    ])
    func rangeBoundaries(quantity: Int, total: Int64) throws {
        #expect(try fixtures.list(tiers: schedule(.range)).line(fixtures.line(quantity)).total == eur(total))
    }

    @Test("Slab tiers at their boundaries price the units inside each tier", arguments: [
        (9, Int64(90_000)), (10, 99_000), (49, 450_000), (50, 458_000), (51, 466_000),
    ])
    func slabBoundaries(quantity: Int, total: Int64) throws {
        #expect(try fixtures.list(tiers: schedule(.slab)).line(fixtures.line(quantity)).total == eur(total))
    }

    @Test("Percentages round once, half away from zero", arguments: [
        (Int64(1_999), 250, Int64(50)),   // 49.975 → 50
        (1_999, 1, 0),                    // 0.1999 → 0
        (10, 5_000, 5),                   // exact
        (1, 5_000, 1),                    // 0.5 → 1
        (3, 5_000, 2),                    // 1.5 → 2
        (-3, 5_000, -2),                  // −1.5 → −2
    ])
    func rounding(amount: Int64, basisPoints: Int, share: Int64) throws {
        #expect(try Rounding.share(of: eur(amount), basisPoints: basisPoints) == eur(share))
    }

    @Test("A tier's discount is rounded per unit before multiplying")
    func tierRoundsPerUnit() throws {
        // 0.05 a unit at 10 % off: the discount 0.005 rounds to 0.01, so a unit costs 0.04
        // and 10 units 0.40 (not 0.45).
        let tiers = VolumeSchedule(kind: .range, tiers: [VolumeTier(fromQuantity: 1, discountBasisPoints: 1_000)])
        #expect(try fixtures.list(price: 5, tiers: tiers).line(fixtures.line(10)).total == eur(40))
    }

    @Test("Percentage then amount discount; at the threshold no approval, one basis point over needs it")
    func threshold() throws {
        let list = fixtures.list(threshold: 1_500)
        let atThreshold = try list.price(lines: [fixtures.line(1)], discountBasisPoints: 1_000, discountAmount: eur(500))
        #expect(atThreshold.percentageDiscount == eur(1_000))
        #expect(atThreshold.amountDiscount == eur(500))
        #expect(atThreshold.total == eur(8_500))
        #expect(!atThreshold.needsApproval)
        let over = try list.price(lines: [fixtures.line(1)], discountBasisPoints: 1_000, discountAmount: eur(501))
        #expect(over.needsApproval)
        #expect(try !list.price(lines: [fixtures.line(1)], discountBasisPoints: 1_500, discountAmount: nil).needsApproval)
        #expect(try list.price(lines: [fixtures.line(1)], discountBasisPoints: 1_501, discountAmount: nil).needsApproval)
    }

    @Test("Without a threshold any discount needs approval, no discount never does")
    func noThreshold() throws {
        let list = fixtures.list(threshold: nil)
        #expect(try list.price(lines: [fixtures.line(1)], discountBasisPoints: 1, discountAmount: nil).needsApproval)
        #expect(try !list.price(lines: [fixtures.line(1)], discountBasisPoints: 0, discountAmount: nil).needsApproval)
    }

    @Test("An amount discount larger than the price leaves a total of zero, never less")
    func amountCapped() throws {
        let priced = try fixtures.list().price(lines: [fixtures.line(1)], discountBasisPoints: 5_000, discountAmount: eur(99_999))
        #expect(priced.total == eur(0))
        #expect(priced.amountDiscount == eur(5_000))
        #expect(priced.needsApproval)
    }

    @Test("Bad requests are refused with a code")
    func refusals() throws {
        let list = fixtures.list()
        let other = Product(sku: "X", name: "X", basePrice: eur(1))
        #expect(throws: PricingError(.unknownItem, "product \(other.id) is not in the catalog; sync, or check the id")) {
            try list.line(LineRequest(productID: other.id, optionIDs: []))
        }
        #expect((try? list.line(fixtures.line(0))) == nil)
        #expect(throws: PricingError.self) { try list.price(lines: [], discountBasisPoints: 10_001, discountAmount: nil) }
        let usd = Money(minorUnits: 1, currency: .usd)
        do {
            _ = try list.price(lines: [], discountBasisPoints: 0, discountAmount: usd)
            Issue.record("a USD discount on a EUR book was accepted")
        } catch {
            #expect(error.code == .currencyMismatch)
        }
        let noPrice = PriceList(priceBook: PriceBook(name: "Empty", currency: .eur), products: [fixtures.product], options: [])
        #expect(throws: PricingError.self) { try noPrice.line(fixtures.line(1)) }
    }

    @Test("A quote is re-priced from the book; a tampered total or unit price is named")
    func mismatch() throws {
        let list = fixtures.list(tiers: schedule(.slab))
        let priced = try list.price(lines: [fixtures.line(12, options: [fixtures.ssd])], discountBasisPoints: 500, discountAmount: nil)
        var quote = Quote(opportunityID: OpportunityID(),
                          lines: [QuoteLine(productID: fixtures.product.id, selectedOptionIDs: [fixtures.ssd.id], quantity: 12,
                                            unitPrice: priced.lines[0].unitPrice)],
                          discountBasisPoints: 500, total: priced.total)
        #expect(try list.price(quote) == priced)
        #expect(priced.mismatch(with: quote) == nil)
        quote.total = eur(1)
        #expect(priced.mismatch(with: quote) == "the quote claims a total of 0.01 EUR but it prices at \(priced.total)")
        quote.lines[0].unitPrice = eur(1)
        #expect(priced.mismatch(with: quote)?.hasPrefix("line 1 claims a unit price of 0.01 EUR") == true)
    }

    @Test("Typed percentages become basis points; signs, three decimals and over 100 are refused")
    func percentages() throws {
        #expect(try Percentage.basisPoints(parsing: "12.5") == 1_250)
        #expect(try Percentage.basisPoints(parsing: "0") == 0)
        #expect(try Percentage.basisPoints(parsing: "100") == 10_000)
        #expect(try Percentage.basisPoints(parsing: "7.05") == 705)
        for text in ["-1", "+1", "12.345", "100.01", "1e2", "", ".5", "5.", "12,5", "1000"] {
            #expect(throws: PricingError.self, "\(text)") { try Percentage.basisPoints(parsing: text) }
        }
    }
}
