import Configurator
import OutpostModel
import OutpostStore

extension DemoGenerator {
    /// Adds the configurable PC (with its options and rule model when `pcModel` is given),
    /// three accessories and a standard price book per currency.
    mutating func addCatalog(pcModel: DIMACSModel?) {
        let pc = addProduct(sku: DemoCompany.configurableSKU, name: "Richmond Business PC", euros: 499)
        addProduct(sku: "MON-27QHD", name: "27-inch QHD Monitor", euros: 289)
        addProduct(sku: "DOCK-USBC", name: "USB-C Docking Station", euros: 189)
        addProduct(sku: "SVC-ONSITE-3Y", name: "3-Year On-Site Service", euros: 149)
        if let pcModel {
            addOptions(of: pc, from: pcModel)
            batch.configuratorModels.append(pcModel.configuratorModel(for: pc))
        }
        // Fixed list-price conversions in percent of the EUR price, rounded to whole units.
        for (currency, percent) in [(Currency.eur, Int64(100)), (.gbp, 86), (.usd, 108)] {
            var entries: [ProductID: Money] = [:]
            for product in batch.products {
                let units = (product.basePrice.minorUnits * percent / 100 + 50) / 100
                entries[product.id] = Money(minorUnits: units * currency.minorUnitsPerUnit, currency: currency)
            }
            batch.priceBooks.append(PriceBook(id: PriceBookID(random.uuid()), name: "Standard \(currency.code)",
                                              currency: currency, entries: entries, tiers: volumeTiers(),
                                              approvalThresholdBasisPoints: 1_500))
        }
    }

    /// Volume tiers: the PC in slabs (5 % off from the 10th unit, 10 % from the 50th),
    /// the monitor in ranges (8 % off every unit from 20 units on).
    private func volumeTiers() -> [ProductID: VolumeSchedule] {
        var tiers: [ProductID: VolumeSchedule] = [:]
        for product in batch.products {
            switch product.sku {
            case DemoCompany.configurableSKU:
                tiers[product.id] = VolumeSchedule(kind: .slab, tiers: [
                    VolumeTier(fromQuantity: 1, discountBasisPoints: 0), VolumeTier(fromQuantity: 10, discountBasisPoints: 500),
                    VolumeTier(fromQuantity: 50, discountBasisPoints: 1_000),
                ])
            case "MON-27QHD":
                tiers[product.id] = VolumeSchedule(kind: .range, tiers: [
                    VolumeTier(fromQuantity: 1, discountBasisPoints: 0), VolumeTier(fromQuantity: 20, discountBasisPoints: 800),
                ])
            default: break
            }
        }
        return tiers
    }

    @discardableResult
    private mutating func addProduct(sku: String, name: String, euros: Int64) -> ProductID {
        let product = Product(id: ProductID(random.uuid()), sku: sku, name: name,
                              basePrice: Money(minorUnits: euros * 100, currency: .eur))
        batch.products.append(product)
        return product.id
    }

    /// One option per named variable: code from the slugified name (numbered when two names
    /// slugify alike), price 0 for the product's own variable and about a quarter of the rest,
    /// otherwise 5–400 EUR in steps of 5.
    private mutating func addOptions(of product: ProductID, from model: DIMACSModel) {
        for option in model.namedOptions() {
            let euros: Int64 = option.variable == 1 || random.chance(0.25) ? 0 : Int64(random.int(in: 1...80)) * 5
            batch.productOptions.append(ProductOption(
                id: ProductOptionID(random.uuid()), productID: product, code: option.code, name: option.name,
                price: Money(minorUnits: euros * 100, currency: .eur), variable: option.variable))
        }
    }
}
