import MergeEngine
import OutpostModel

// Field ids are stable wire identifiers: never renumber or reuse them (see FieldSpec).

extension Product: ReplicatedRecord {
    /// Global and read-only on devices.
    public static let schema = RecordSchema<Product>(
        kind: .product,
        fields: [
            .required(1, "sku", \.sku, .string),
            .required(2, "name", \.name, .string),
            .required(3, "base_price", \.basePrice, .money),
            .currency(4, of: { $0.basePrice.currency }),
        ],
        route: { _ in .global },
        blank: { Product(id: $0, sku: "", name: "", basePrice: .zero(.eur)) })
}

extension ProductOption: ReplicatedRecord {
    /// Global and read-only on devices.
    public static let schema = RecordSchema<ProductOption>(
        kind: .productOption,
        fields: [
            .required(1, "product_id", \.productID, .reference()),
            .required(2, "code", \.code, .string),
            .required(3, "name", \.name, .string),
            .required(4, "price", \.price, .money),
            .currency(5, of: { $0.price.currency }),
            .optional(6, "variable", \.variable, .int),
        ],
        route: { _ in .global },
        blank: { ProductOption(id: $0, productID: .placeholder, code: "", name: "", price: .zero(.eur)) })
}

extension PriceBook: ReplicatedRecord {
    /// Global and read-only on devices. The entries' prices are in the book's currency.
    public static let schema = RecordSchema<PriceBook>(
        kind: .priceBook,
        fields: [
            .required(1, "name", \.name, .string),
            .currency(2, of: { $0.currency }, set: { $0.currency = $1 }),
            .required(3, "entries", \.entries, .bytes(.priceEntries)),
            .optional(4, "tiers", \.tiersOrAbsent, .bytes(.volumeTiers)),
            .optional(5, "approval_threshold_basis_points", \.approvalThresholdBasisPoints, .int),
        ],
        route: { _ in .global },
        blank: { PriceBook(id: $0, name: "", currency: .eur) })
}

extension PriceBook {
    /// The tiers as an optional field: always written, and a state written before the
    /// field existed (absent, `.null`) reads as a book without tiers.
    var tiersOrAbsent: [ProductID: VolumeSchedule]? {
        get { tiers }
        set { tiers = newValue ?? [:] }
    }
}

extension ConfiguratorModel: ReplicatedRecord {
    /// Global and read-only on devices. A configurator model has no id of its own:
    /// its record id derives from its product's (see ``recordID(forProduct:)``).
    public static let schema = RecordSchema<ConfiguratorModel>(
        kind: .configuratorModel,
        fields: [
            .required(1, "product_id", \.productID, .reference()),
            .required(2, "variable_count", \.variableCount, .int),
            .required(3, "clauses", \.clauses, .bytes(.clauses)),
        ],
        recordID: { recordID(forProduct: $0.productID) },
        route: { _ in .global },
        blank: { _ in ConfiguratorModel(productID: .placeholder, variableCount: 0, clauses: []) })

    /// The record id of a product's configurator model: the product's 16 UUID bytes
    /// with byte 8 XOR `0x60`.
    ///
    /// The rule is its own inverse and never maps an id to itself, so the model's id
    /// never equals the product's; and it turns the RFC 4122 variant bits `10` of
    /// every generated UUID into `11`, so it cannot equal any RFC 4122 UUID either.
    public static func recordID(forProduct productID: ProductID) -> RecordID {
        let id = RecordID(productID)
        return RecordID(high: id.high, low: id.low ^ 0x6000_0000_0000_0000)
    }
}
