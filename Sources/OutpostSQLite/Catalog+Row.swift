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

extension ConfiguratorModel {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) { try self.init(stored: SQLiteStoredRow(row)) }
}
