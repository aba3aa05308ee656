import OutpostModel
import Pricing
import PropertyBased
import Testing

@Suite("Pricing properties")
struct PricingProperties {
    let fixtures = Fixtures()

    /// A valid schedule from generated tier gaps and discounts.
    static func schedule(_ kind: TierKind, gaps: [Int], discounts: [Int]) -> VolumeSchedule {
        var from = 1
        var tiers: [VolumeTier] = []
        for (gap, discount) in zip([0] + gaps, discounts) {
            from += gap
            tiers.append(VolumeTier(fromQuantity: from, discountBasisPoints: discount))
        }
        return VolumeSchedule(kind: kind, tiers: tiers)
    }

    @Test("A slab total never falls when the quantity grows")
    func slabMonotone() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...40).array(of: 0...4), Gen.int(in: 0...10_000).array(of: 5...5),
                            Gen.int64(in: 0...1_000_000), Gen.int(in: 1...300)) { gaps, discounts, price, quantity in
            let schedule = Self.schedule(.slab, gaps: gaps, discounts: discounts)
            let unit = eur(price)
            let here = try schedule.total(of: quantity, at: unit)
            let next = try schedule.total(of: quantity + 1, at: unit)
            #expect(next >= here)
        }
    }

    @Test("Range and slab agree inside the first tier")
    func agreeInFirstTier() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...40).array(of: 1...4), Gen.int(in: 0...10_000).array(of: 5...5),
                            Gen.int64(in: 0...1_000_000), Gen.int(in: 1...40)) { gaps, discounts, price, quantity in
            let range = Self.schedule(.range, gaps: gaps, discounts: discounts)
            let slab = Self.schedule(.slab, gaps: gaps, discounts: discounts)
            let inFirst = min(quantity, range.tiers[1].fromQuantity - 1)
            let rangeTotal = try range.total(of: inFirst, at: eur(price))
            let slabTotal = try slab.total(of: inFirst, at: eur(price))
            #expect(rangeTotal == slabTotal)
        }
    }

    @Test("A price never goes negative and never exceeds the list total, whatever the tiers and discounts")
    func neverNegative() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...40).array(of: 0...3), Gen.int(in: 0...10_000).array(of: 4...4),
                            Gen.int64(in: 0...10_000_000), Gen.int(in: 1...200), Gen.int(in: 0...10_000),
                            Gen.int64(in: 0...20_000_000)) { gaps, discounts, price, quantity, percent, amount in
            for kind in TierKind.allCases {
                let list = fixtures.list(price: price, tiers: Self.schedule(kind, gaps: gaps, discounts: discounts))
                let priced = try list.price(lines: [fixtures.line(quantity, options: [fixtures.cable])],
                                            discountBasisPoints: percent, discountAmount: eur(amount))
                #expect(priced.total.minorUnits >= 0)
                #expect(priced.subtotal <= priced.lines[0].listTotal)
                #expect(priced.total.minorUnits + priced.discount.minorUnits == priced.subtotal.minorUnits)
            }
        }
    }
}
