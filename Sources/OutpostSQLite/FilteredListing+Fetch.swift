import GRDB
import OutpostModel
import OutpostStore

extension FilteredListing {
    /// Every record, or those of the given owners, in listing order.
    static func fetchAll(_ db: Database, of owners: Set<EntityID<Owner>>?) throws -> [Self] {
        let filter = IDFilter(filterColumn, owners)
        return try db.fetch(shape.selectSQL + filter.clause + " ORDER BY " + listingOrder, filter.arguments) { row throws(StoreError) in
            try Self(stored: SQLiteStoredRow(row))
        }
    }
}
