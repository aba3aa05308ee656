/// How a product's volume tiers price a quantity.
public enum TierKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// The highest tier the quantity reaches prices every unit.
    case range
    /// Each tier prices the units that fall inside it.
    case slab
}

/// One volume tier: from which unit on it applies and how much it takes off the unit price.
public struct VolumeTier: Hashable, Sendable, Codable {
    /// The first unit the tier covers (1-based); the first tier of a schedule starts at 1.
    public var fromQuantity: Int
    /// The discount off the configured unit list price, in basis points (500 is 5 %).
    public var discountBasisPoints: Int

    public init(fromQuantity: Int, discountBasisPoints: Int) {
        self.fromQuantity = fromQuantity
        self.discountBasisPoints = discountBasisPoints
    }
}

/// A product's volume tiers in a price book: `range` or `slab`, tiers by ascending quantity.
///
/// ```swift
/// // 1–9 units at list, 10–49 at 5 % off, 50 and more at 10 % off.
/// VolumeSchedule(kind: .slab, tiers: [.init(fromQuantity: 1, discountBasisPoints: 0),
///                                     .init(fromQuantity: 10, discountBasisPoints: 500),
///                                     .init(fromQuantity: 50, discountBasisPoints: 1000)])
/// ```
public struct VolumeSchedule: Hashable, Sendable, Codable, Validatable {
    public var kind: TierKind
    public var tiers: [VolumeTier]

    public init(kind: TierKind, tiers: [VolumeTier]) {
        self.kind = kind
        self.tiers = tiers
    }

    /// The first tier starts at 1, tiers ascend strictly, discounts are 0…100 %.
    public func validate() throws(ValidationError) {
        guard tiers.first?.fromQuantity == 1 else {
            throw ValidationError(.inconsistent, field: "tiers", "the first tier must start at quantity 1 (got \(tiers.first.map { String($0.fromQuantity) } ?? "no tiers"))")
        }
        for (lower, upper) in zip(tiers, tiers.dropFirst()) where upper.fromQuantity <= lower.fromQuantity {
            throw ValidationError(.inconsistent, field: "tiers", "tiers must start at ascending quantities (got \(lower.fromQuantity) then \(upper.fromQuantity))")
        }
        for tier in tiers where !(0...10_000).contains(tier.discountBasisPoints) {
            throw ValidationError(.outOfRange, field: "tiers", "a tier's discount must be between 0 and 10000 basis points (got \(tier.discountBasisPoints))")
        }
    }
}
