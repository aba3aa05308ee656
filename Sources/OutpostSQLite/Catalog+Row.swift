import Foundation
import GRDB
import OutpostModel
import OutpostStore

extension Product {
    static let insertSQL = """
        INSERT INTO product (id, sku, name, base_price_minor, base_price_currency, change_seq) VALUES (?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = "SELECT id, sku, name, base_price_minor, base_price_currency FROM product"

    /// Inserts the product (or, with `upsert`, replaces it in place).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL, [id.sql, sku, name, basePrice.minorUnits, basePrice.currency.code, changeSeq],
                     RowContext(kind: "product", id: id.sql, uniqueKey: { "SKU \"\(sku)\"" }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "product", "id"), sku: row[1], name: row[2],
                  basePrice: try .decode(row[3], row[4], "product", "base_price"))
    }
}

extension ProductOption {
    static let insertSQL = """
        INSERT INTO product_option (id, product_id, code, name, price_minor, price_currency, variable, change_seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let upsertSQL = UpsertSQL.from(insertSQL)
    static let selectSQL = "SELECT id, product_id, code, name, price_minor, price_currency, variable FROM product_option"

    /// Inserts the option (or, with `upsert`, replaces it in place).
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? Self.upsertSQL : Self.insertSQL,
                     [id.sql, productID.sql, code, name, price.minorUnits, price.currency.code, variable, changeSeq],
                     RowContext(kind: "product option", id: id.sql,
                                references: { [Reference(label: "product", table: "product", id: productID.sql)] },
                                uniqueKey: { "code \"\(code)\" within product \(productID.sql)" }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(id: try .decode(row[0], "product_option", "id"),
                  productID: try .decode(row[1], "product_option", "product_id"), code: row[2], name: row[3],
                  price: try .decode(row[4], row[5], "product_option", "price"), variable: row[6])
    }
}

extension PriceBook {
    static let insertSQL = """
        INSERT INTO price_book (id, name, currency, tiers, approval_threshold_bp, change_seq) VALUES (?, ?, ?, ?, ?, ?)
        """
    static let insertEntrySQL = """
        INSERT INTO price_book_entry (price_book_id, product_id, price_minor, price_currency) VALUES (?, ?, ?, ?)
        """
    static let selectSQL = "SELECT id, name, currency, tiers, approval_threshold_bp FROM price_book"
    static let selectEntriesSQL = "SELECT price_book_id, product_id, price_minor, price_currency FROM price_book_entry"

    /// Inserts the price book and its entries (by product id, so the file is deterministic);
    /// with `upsert`, replaces the book in place and its entries as a whole.
    func insert(_ db: Database, changeSeq: Int64, upsert: Bool = false) throws {
        try db.write(upsert ? UpsertSQL.from(Self.insertSQL) : Self.insertSQL,
                     [id.sql, name, currency.code, tiersJSON, approvalThresholdBasisPoints, changeSeq],
                     RowContext(kind: "price book", id: id.sql, uniqueKey: { "name \"\(name)\"" }))
        if upsert { try db.execute(sql: "DELETE FROM price_book_entry WHERE price_book_id = ?", arguments: [id.sql]) }
        for (productID, price) in entries.sorted(by: { $0.key < $1.key }) {
            try db.write(Self.insertEntrySQL, [id.sql, productID.sql, price.minorUnits, price.currency.code],
                         RowContext(kind: "price book", id: id.sql,
                                    references: { [Reference(label: "product", table: "product", id: productID.sql)] }))
        }
    }

    /// Every price book with its entries, by name.
    static func fetchAll(_ db: Database) throws -> [PriceBook] {
        var entries: [String: [ProductID: Money]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: selectEntriesSQL))
        while let row = try rows.next() {
            let productID: ProductID = try .decode(row[1], "price_book_entry", "product_id")
            entries[row[0], default: [:]][productID] = try Money.decode(row[2], row[3], "price_book_entry", "price")
        }
        return try db.fetch(selectSQL + " ORDER BY name, id") { row throws(StoreError) in
            PriceBook(id: try .decode(row[0], "price_book", "id"), name: row[1],
                      currency: try .decode(row[2], "price_book", "currency"), entries: entries[row[0]] ?? [:],
                      tiers: try tiers(json: row[3], book: row[0]), approvalThresholdBasisPoints: row[4])
        }
    }
}

extension ConfiguratorModel {
    static let insertSQL = """
        INSERT INTO configurator_model (product_id, variable_count, clause_count, clauses, change_seq)
        VALUES (?, ?, ?, ?, ?)
        """
    static let selectSQL = "SELECT product_id, variable_count, clauses FROM configurator_model"

    /// Inserts the model with its clauses packed as int32 literals.
    /// - Throws: `.invalid` when a clause holds the literal 0 (the clause terminator).
    func insert(_ db: Database, changeSeq: Int64) throws {
        if let index = clauses.firstIndex(where: { $0.contains(0) }) {
            throw StoreError(.invalid, "configurator model of product \(productID.sql): clause \(index + 1) holds the literal 0; "
                + "literals are non-zero variable numbers, positive or negated")
        }
        try db.write(Self.insertSQL,
                     [productID.sql, variableCount, clauses.count, ClauseBlob.encode(clauses), changeSeq],
                     RowContext(kind: "configurator model of product", id: productID.sql,
                                references: { [Reference(label: "product", table: "product", id: productID.sql)] }))
    }

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) {
        self.init(productID: try .decode(row[0], "configurator_model", "product_id"), variableCount: row[1],
                  clauses: try ClauseBlob.decode(row[2], table: "configurator_model"))
    }
}
