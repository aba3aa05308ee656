import GRDB
import OutpostModel
import OutpostStore

extension Product {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) { try self.init(stored: SQLiteStoredRow(row)) }
}

extension ProductOption {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) { try self.init(stored: SQLiteStoredRow(row)) }
}

extension PriceBook {
    /// Every price book with its entries, by name.
    static func fetchAll(_ db: Database) throws -> [PriceBook] {
        var entries: [PriceBookID: [ProductID: Money]] = [:]
        let rows = try Row.fetchCursor(db.cachedStatement(sql: entryShape.selectSQL))
        while let row = try rows.next() {
            let entry = try Self.entry(stored: SQLiteStoredRow(row))
            entries[entry.book, default: [:]][entry.product] = entry.price
        }
        return try db.fetch(shape.selectSQL + " ORDER BY name, id") { row throws(StoreError) in
            let stored = SQLiteStoredRow(row)
            return try PriceBook(stored: stored, entries: entries[try stored.id(0, "price_book", "id")] ?? [:])
        }
    }
}

extension ConfiguratorModel {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) { try self.init(stored: SQLiteStoredRow(row)) }
}
