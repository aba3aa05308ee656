import GRDB
import OutpostModel
import OutpostStore

extension Contact {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) { try self.init(stored: SQLiteStoredRow(row)) }
}
