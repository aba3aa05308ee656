import GRDB
import OutpostModel
import OutpostStore

extension Opportunity {
    static let selectSQL = shape.selectSQL

    /// Decodes a row of `selectSQL`.
    init(row: Row) throws(StoreError) { try self.init(stored: SQLiteStoredRow(row)) }
}
