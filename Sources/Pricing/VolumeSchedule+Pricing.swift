public import OutpostModel

extension VolumeSchedule {
    /// The total of `quantity` units at `unitPrice` list, after the tiers.
    ///
    /// `range`: the highest tier whose first quantity `quantity` reaches prices every
    /// unit. `slab`: each tier prices the units from its first quantity up to the next
    /// tier's. A tier's unit price is `unitPrice` less its discount, rounded per unit
    /// (see ``Rounding``).
    ///
    /// ```swift
    /// // slab 1@0, 10@1000 (10 % off from the 10th unit); 12 units at 10.00:
    /// // 9 × 10.00 + 3 × 9.00 = 117.00
    /// ```
    /// - Throws: `PricingError.invalidInput` for a quantity below 1, `.overflow`.
    public func total(of quantity: Int, at unitPrice: Money) throws(PricingError) -> Money {
        guard quantity >= 1 else { throw PricingError(.invalidInput, "a quantity must be at least 1 (got \(quantity))") }
        do { try validate() } catch { throw PricingError(.invalidInput, "the volume tiers are invalid: \(error.reason)") }
        switch kind {
        case .range:
            let reached = tiers.last { $0.fromQuantity <= quantity } ?? tiers[0]
            return try Rounding.times(try Self.unitPrice(unitPrice, reached), quantity)
        case .slab:
            var parts: [Money] = []
            for (index, tier) in tiers.enumerated() where tier.fromQuantity <= quantity {
                let end = index + 1 < tiers.count ? min(quantity, tiers[index + 1].fromQuantity - 1) : quantity
                parts.append(try Rounding.times(try Self.unitPrice(unitPrice, tier), end - tier.fromQuantity + 1))
            }
            return try Rounding.sum(parts, in: unitPrice.currency)
        }
    }

    /// `unitPrice` less the tier's discount, rounded to a minor unit.
    static func unitPrice(_ unitPrice: Money, _ tier: VolumeTier) throws(PricingError) -> Money {
        let discount = try Rounding.share(of: unitPrice, basisPoints: tier.discountBasisPoints)
        return Money(minorUnits: unitPrice.minorUnits - discount.minorUnits, currency: unitPrice.currency)
    }
}
