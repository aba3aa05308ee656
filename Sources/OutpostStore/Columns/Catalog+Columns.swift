public import OutpostModel

extension Product: DomainRecord {
    public static let shape = TableShape(
        "product", writes: ["id", "sku", "name", "base_price_minor", "base_price_currency", "change_seq"],
        reads: ["id", "sku", "name", "base_price_minor", "base_price_currency"])

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .text(sku), .text(name), .integer(basePrice.minorUnits), .text(basePrice.currency.code),
                                      .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "product", id: id.description, uniqueKey: "SKU \"\(sku)\"")
        })]
    }

    /// Decodes a row of `shape.selectSQL`.
    public init(stored row: some StoredRow) throws(StoreError) {
        self.init(id: try row.id(0, "product", "id"), sku: try row.text(1, "product", "sku"), name: try row.text(2, "product", "name"),
                  basePrice: try row.money(3, "product", "base_price"))
    }
}

extension ProductOption: DomainRecord {
    public static let shape = TableShape(
        "product_option", writes: ["id", "product_id", "code", "name", "price_minor", "price_currency", "variable", "change_seq"],
        reads: ["id", "product_id", "code", "name", "price_minor", "price_currency", "variable"])

    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(id), .id(productID), .text(code), .text(name), .integer(price.minorUnits),
                                      .text(price.currency.code), .integer(variable), .integer(changeSeq)], upsert: upsert) {
            RowDescription(kind: "product option", id: id.description,
                           references: [RowReference("product_id", "product", table: "product", id: productID.description)],
                           uniqueKey: "code \"\(code)\" within product \(productID)")
        })]
    }

    /// Decodes a row of `shape.selectSQL`.
    public init(stored row: some StoredRow) throws(StoreError) {
        self.init(id: try row.id(0, "product_option", "id"), productID: try row.id(1, "product_option", "product_id"),
                  code: try row.text(2, "product_option", "code"), name: try row.text(3, "product_option", "name"),
                  price: try row.money(4, "product_option", "price"), variable: try row.integer(6).map { Int($0) })
    }
}

extension PriceBook: RecordWithChildRows {
    public static let shape = TableShape(
        "price_book", writes: ["id", "name", "currency", "tiers", "approval_threshold_bp", "change_seq"],
        reads: ["id", "name", "currency", "tiers", "approval_threshold_bp"])
    /// One price of a product in a book.
    public static let childShape = TableShape(
        "price_book_entry", writes: ["price_book_id", "product_id", "price_minor", "price_currency"],
        reads: ["price_book_id", "product_id", "price_minor", "price_currency"])

    /// The book, then its entries by product id (so the same book always writes the same rows);
    /// with `upsert`, the book in place and its entries as a whole.
    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        var statements: [RowStatement] = [.write(TableRow(Self.shape, [.id(id), .text(name), .text(currency.code), .text(tiersJSON),
                                                                      .integer(approvalThresholdBasisPoints), .integer(changeSeq)],
                                                          upsert: upsert) {
            RowDescription(kind: "price book", id: id.description, uniqueKey: "name \"\(name)\"")
        })]
        if upsert { statements.append(.clear(table: Self.childShape.table, column: "price_book_id", value: .id(id))) }
        for (productID, price) in entries.sorted(by: { $0.key < $1.key }) {
            statements.append(.write(TableRow(Self.childShape, [.id(id), .id(productID), .integer(price.minorUnits),
                                                                .text(price.currency.code)]) {
                RowDescription(kind: "price book", id: id.description,
                               references: [RowReference("product_id", "product", table: "product", id: productID.description)])
            }))
        }
        return statements
    }

    /// Price books are listed by name.
    public static let listingOrder = "name, id"

    /// Decodes a row of `shape.selectSQL` with the book's entries, its prices by product.
    public init(stored row: some StoredRow, children entries: [ProductID: Money]) throws(StoreError) {
        let id: PriceBookID = try row.id(0, "price_book", "id")
        self.init(id: id, name: try row.text(1, "price_book", "name"), currency: try row.currency(2, "price_book", "currency"),
                  entries: entries, tiers: try Self.tiers(json: try row.text(3, "price_book", "tiers"), book: id.description),
                  approvalThresholdBasisPoints: try row.integer(4).map { Int($0) })
    }

    /// Decodes a row of `childShape.selectSQL`: the book's id, the product and its price.
    public static func child(stored row: some StoredRow) throws(StoreError) -> (parent: PriceBookID, key: ProductID, value: Money) {
        (try row.id(0, "price_book_entry", "price_book_id"), try row.id(1, "price_book_entry", "product_id"),
         try row.money(2, "price_book_entry", "price"))
    }
}

extension ConfiguratorModel: DomainRecord {
    public static let shape = TableShape(
        "configurator_model", writes: ["product_id", "variable_count", "clause_count", "clauses", "change_seq"],
        reads: ["product_id", "variable_count", "clauses"])

    /// The model with its clauses packed as int32 literals (``ClauseBlob``); a model is
    /// always inserted (a product's second model is refused), whatever `upsert` says.
    public func statements(changeSeq: Int64, upsert: Bool) -> [RowStatement] {
        [.write(TableRow(Self.shape, [.id(productID), .integer(variableCount), .integer(clauses.count), .blob(ClauseBlob.encode(clauses)),
                                      .integer(changeSeq)]) {
            RowDescription(kind: "configurator model of product", id: productID.description,
                           references: [RowReference("product_id", "product", table: "product", id: productID.description)])
        })]
    }

    /// Checks that no clause holds the literal 0 (the clause terminator of the stored form).
    /// - Throws: `.invalid` naming the clause.
    public func validateClauses() throws(StoreError) {
        if let index = clauses.firstIndex(where: { $0.contains(0) }) {
            throw StoreError(.invalid, "configurator model of product \(productID): clause \(index + 1) holds the literal 0; "
                + "literals are non-zero variable numbers, positive or negated")
        }
    }

    /// Decodes a row of `shape.selectSQL`.
    public init(stored row: some StoredRow) throws(StoreError) {
        guard let clauses = try row.blob(2) else { throw StoreError.unreadable("configurator_model", "clauses", "is NULL") }
        self.init(productID: try row.id(0, "configurator_model", "product_id"),
                  variableCount: Int(try row.integer(1, "configurator_model", "variable_count")),
                  clauses: try ClauseBlob.decode(clauses, table: "configurator_model"))
    }
}
