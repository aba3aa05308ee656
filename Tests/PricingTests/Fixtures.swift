import OutpostModel
import Pricing

/// A small catalog: one product at 100.00 EUR with two options (25.00 and 0.05).
struct Fixtures {
    let product = Product(sku: "PC", name: "PC", basePrice: Money(minorUnits: 10_000, currency: .eur))
    let ssd: ProductOption
    let cable: ProductOption

    init() {
        ssd = ProductOption(productID: product.id, code: "ssd", name: "SSD", price: Money(minorUnits: 2_500, currency: .eur))
        cable = ProductOption(productID: product.id, code: "cable", name: "Cable", price: Money(minorUnits: 5, currency: .eur))
    }

    /// A price list with the product at `price` minor units, optional tiers and threshold.
    func list(price: Int64 = 10_000, tiers: VolumeSchedule? = nil, threshold: Int? = 1_500) -> PriceList {
        let book = PriceBook(name: "Standard EUR", currency: .eur, entries: [product.id: eur(price)],
                             tiers: tiers.map { [product.id: $0] } ?? [:], approvalThresholdBasisPoints: threshold)
        return PriceList(priceBook: book, products: [product], options: [ssd, cable])
    }

    func line(_ quantity: Int, options: [ProductOption] = []) -> LineRequest {
        LineRequest(productID: product.id, optionIDs: options.map(\.id), quantity: quantity)
    }
}

func eur(_ minorUnits: Int64) -> Money { Money(minorUnits: minorUnits, currency: .eur) }

/// 1–9 at list, 10–49 at 10 % off, 50 and more at 20 % off.
func schedule(_ kind: TierKind) -> VolumeSchedule {
    VolumeSchedule(kind: kind, tiers: [VolumeTier(fromQuantity: 1, discountBasisPoints: 0),
                                       VolumeTier(fromQuantity: 10, discountBasisPoints: 1_000),
                                       VolumeTier(fromQuantity: 50, discountBasisPoints: 2_000)])
}
