import GRDB
import OutpostStore

extension RecordWithChildRows {
    /// Every record with its child rows, in listing order.
    static func fetchAll(_ db: Database) throws -> [Self] {
        let children = childrenByParent(try db.fetch(childShape.selectSQL) { row throws(StoreError) in
            try child(stored: SQLiteStoredRow(row))
        })
        return try db.fetch(listingSQL) { row throws(StoreError) in try Self(stored: SQLiteStoredRow(row), among: children) }
    }
}
