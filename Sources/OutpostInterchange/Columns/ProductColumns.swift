import OutpostModel

/// `products` files: `id,sku,name,base_price,currency`.
///
/// SKUs are unique, so a row without an id updates the product with that SKU.
enum ProductColumns: RecordColumns {
    static let kind = InterchangeKind.products
    static let matchIsIdentity = true

    static let columns: [Column<Product>] = [
        Column("id", .generated) { $0.id.description },
        Column("sku", .required) { $0.sku },
        Column("name", .required) { $0.name },
        Column("base_price", .required) { $0.basePrice.decimalString },
        Column("currency", .required) { $0.basePrice.currency.code },
    ]

    static func decode(_ row: inout RowDecoder) -> Product? {
        let id = row.cell("id", ProductID.init(parsing:field:)) ?? ProductID()
        let sku = row.text("sku")
        let name = row.text("name")
        let price = row.money("base_price", currencyColumn: "currency")
        guard row.isClean, let sku, let name, let price else { return nil }
        return Product(id: id, sku: sku, name: name, basePrice: price)
    }

    static func matchKeys(_ product: Product) -> [String] { ["SKU: \(product.sku.lowercased())"] }
}
