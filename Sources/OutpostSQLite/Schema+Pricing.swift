extension Schema {
    /// Price books keep their volume tiers (JSON, see `PriceBook+Tiers.swift`) and
    /// their manager-approval threshold.
    static let v3Pricing: [String] = [
        "ALTER TABLE price_book ADD COLUMN tiers TEXT NOT NULL DEFAULT '[]'",
        "ALTER TABLE price_book ADD COLUMN approval_threshold_bp INTEGER",
    ]
}
