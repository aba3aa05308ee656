public import OutpostModel

/// The catalog as one CSV sheet for `outpost-server catalog import --csv` and `catalog
/// export`: `sku,option,name,price,currency,price_book`, one price a row.
///
/// - `sku` alone: the product (its name and list price); a new SKU adds it.
/// - `sku` and `option`: an option of the product, priced in the product's currency; a
///   new code adds it (a `name` is then required).
/// - `sku` and `price_book`: the product's price in that (stored) book, in its currency.
///
/// ```text
/// sku,option,name,price,currency,price_book
/// DOCK-TB4,,Thunderbolt Dock,249.00,EUR,
/// DOCK-TB4,psu-180w,180 W power supply,39.00,EUR,
/// DOCK-TB4,,,249.00,EUR,Standard EUR
/// ```
public enum CatalogSheet {
    public static let columns = ["sku", "option", "name", "price", "currency", "price_book"]

    /// The stored catalog a sheet applies to.
    public struct Catalog: Hashable, Sendable {
        public var products: [Product]
        public var options: [ProductOption]
        public var priceBooks: [PriceBook]

        public init(products: [Product], options: [ProductOption], priceBooks: [PriceBook]) {
            self.products = products
            self.options = options
            self.priceBooks = priceBooks
        }
    }

    /// The sheet of `catalog`: products by SKU, each followed by its options and its price-book entries.
    public static func text(of catalog: Catalog) -> String {
        var rows: [[String]] = []
        for product in catalog.products.sorted(by: { $0.sku < $1.sku }) {
            rows.append([product.sku, "", product.name, product.basePrice.decimalString, product.basePrice.currency.code, ""])
            for option in catalog.options.filter({ $0.productID == product.id }).sorted(by: { $0.code < $1.code }) {
                rows.append([product.sku, option.code, option.name, option.price.decimalString, option.price.currency.code, ""])
            }
            for book in catalog.priceBooks.sorted(by: { $0.name < $1.name }) {
                guard let price = book.entries[product.id] else { continue }
                rows.append([product.sku, "", "", price.decimalString, price.currency.code, book.name])
            }
        }
        return CSVWriter.text(header: columns, rows: rows)
    }

    /// The records a sheet adds or changes in `catalog` (products, options, books), all
    /// or nothing; rows equal to what is stored change nothing.
    /// - Throws: ``ImportError`` listing every bad row with its line and column.
    public static func changes(_ bytes: some Sequence<UInt8>, to catalog: Catalog) throws(ImportError) -> Catalog {
        let records: [CSVRecord]
        do { records = try CSVReader.records(utf8: bytes) } catch { throw ImportError(error) }
        guard let header = records.first else {
            throw ImportError(.emptyFile, "the file is empty; its first line must be the header " + columns.joined(separator: ","))
        }
        let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
        let missing = ["sku", "price"].filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(.missingColumns, line: header.line, "missing required columns \(missing.joined(separator: ", ")); "
                              + "catalog sheets have the columns \(columns.joined(separator: ", "))")
        }
        var state = catalog
        var errors: [RowError] = []
        for record in records.dropFirst() {
            guard record.fields.count == names.count else {
                errors.append(RowError(.cellCount, line: record.line, column: "",
                                       "has \(record.fields.count) cells but the header has \(names.count) columns"))
                continue
            }
            let cells = Dictionary(zip(names, record.fields.map(\.trimmingWhitespace)), uniquingKeysWith: { first, _ in first })
            var row = SheetRow(line: record.line, cells: cells)
            row.apply(to: &state)
            errors += row.errors
        }
        guard errors.isEmpty else {
            let rejected = Set(errors.map(\.line)).count
            throw ImportError(.invalidRows, "\(rejected == 1 ? "1 row was" : "\(rejected) rows were") rejected; nothing was imported. "
                              + "Fix the rows below and import the whole file again.",
                              rows: Array(errors.prefix(CSVImport.maximumRowErrors)), rejectedRowCount: rejected)
        }
        return Catalog(products: state.products.filter { !catalog.products.contains($0) },
                       options: state.options.filter { !catalog.options.contains($0) },
                       priceBooks: state.priceBooks.filter { !catalog.priceBooks.contains($0) })
    }
}

/// One row of a catalog sheet, applied to the catalog as read so far.
private struct SheetRow {
    let line: Int
    let cells: [String: String]
    var errors: [RowError] = []

    init(line: Int, cells: [String: String]) {
        self.line = line
        self.cells = cells
    }

    private func cell(_ name: String) -> String { cells[name] ?? "" }

    private mutating func fail(_ column: String, _ reason: String) {
        errors.append(RowError(.badFormat, line: line, column: column, reason))
    }

    private mutating func money(_ currency: Currency) -> Money? {
        if !cell("currency").isEmpty, cell("currency").uppercased() != currency.code {
            fail("currency", "must be \(currency.code) here, the currency of what it prices (got \"\(cell("currency"))\")")
            return nil
        }
        do { return try Money(parsing: cell("price"), currency: currency, field: "price") } catch {
            fail("price", error.reason)
            return nil
        }
    }

    mutating func apply(to catalog: inout CatalogSheet.Catalog) {
        let sku = cell("sku")
        guard !sku.isEmpty else { return fail("sku", "must not be empty") }
        let productIndex = catalog.products.firstIndex { $0.sku.lowercased() == sku.lowercased() }
        if !cell("price_book").isEmpty {
            guard let productIndex else { return fail("sku", "no product has SKU \(sku); add it on an earlier row") }
            guard let bookIndex = catalog.priceBooks.firstIndex(where: { $0.name.lowercased() == cell("price_book").lowercased() })
            else { return fail("price_book", "no price book is named \"\(cell("price_book"))\"; add it with outpost-server catalog price-book add") }
            guard let price = money(catalog.priceBooks[bookIndex].currency) else { return }
            catalog.priceBooks[bookIndex].entries[catalog.products[productIndex].id] = price
        } else if !cell("option").isEmpty {
            guard let productIndex else { return fail("sku", "no product has SKU \(sku); add it on an earlier row") }
            let product = catalog.products[productIndex]
            guard let price = money(product.basePrice.currency) else { return }
            let code = cell("option")
            if let index = catalog.options.firstIndex(where: { $0.productID == product.id && $0.code.lowercased() == code.lowercased() }) {
                catalog.options[index].price = price
                if !cell("name").isEmpty { catalog.options[index].name = cell("name") }
            } else {
                guard !cell("name").isEmpty else { return fail("name", "must name the new option \(code)") }
                catalog.options.append(ProductOption(productID: product.id, code: code, name: cell("name"), price: price, variable: nil))
            }
        } else {
            let stored = productIndex.map { catalog.products[$0].basePrice.currency.code } ?? ""
            let currencyText = cell("currency").isEmpty ? stored : cell("currency")
            guard let currency = try? Currency(code: currencyText.uppercased()) else {
                return fail("currency", "must be a currency code such as EUR (got \"\(currencyText)\")")
            }
            guard let price = money(currency) else { return }
            if let productIndex {
                catalog.products[productIndex].basePrice = price
                if !cell("name").isEmpty { catalog.products[productIndex].name = cell("name") }
            } else {
                guard !cell("name").isEmpty else { return fail("name", "must name the new product \(sku)") }
                catalog.products.append(Product(sku: sku, name: cell("name"), basePrice: price))
            }
        }
    }
}
