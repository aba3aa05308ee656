import OutpostModel
import OutpostSQLite

/// Quote and order lines as people read them: product name and SKU, the options by
/// name, quantity, unit price and line total. (Today's lines carry ids and unit
/// prices; the names come from the server's catalog.)
struct QuoteLinesView {
    private let products: [ProductID: Product]
    private let options: [ProductOptionID: ProductOption]

    /// The catalog records that `lines` name.
    static func load(_ store: SQLiteStore, for lines: [QuoteLine]) async throws -> QuoteLinesView {
        let used = Set(lines.map(\.productID))
        let products = try await store.products().filter { used.contains($0.id) }
        var options: [ProductOptionID: ProductOption] = [:]
        for product in products {
            for option in try await store.productOptions(of: product.id) { options[option.id] = option }
        }
        return QuoteLinesView(products: Dictionary(products.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }), options: options)
    }

    /// A table of `lines`.
    func table(_ lines: [QuoteLine]) -> HTML {
        let rows = lines.map { line -> String in
            let product = products[line.productID]
            let optionNames = line.selectedOptionIDs.map { options[$0]?.name ?? $0.description }
            let total = Money(minorUnits: line.unitPrice.minorUnits.multipliedReportingOverflow(by: Int64(line.quantity)).partialValue,
                              currency: line.unitPrice.currency)
            return "<tr class=\"line\"><td>\(text: product?.name ?? line.productID.description)<br><span class=\"muted\">\(text: product?.sku ?? "")</span></td>"
                + "<td>\(text: optionNames.joined(separator: ", "))</td><td class=\"num\">\(line.quantity)</td>"
                + "<td class=\"num\">\(text: line.unitPrice.grouped)</td><td class=\"num\">\(text: total.grouped)</td></tr>"
        }.joined()
        return HTML(raw: "<table class=\"lines\"><thead><tr><th>Product</th><th>Options</th><th class=\"num\">Qty</th>"
            + "<th class=\"num\">Unit price</th><th class=\"num\">Line</th></tr></thead><tbody>\(rows)</tbody></table>")
    }
}
