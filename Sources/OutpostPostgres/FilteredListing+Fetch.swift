import OutpostModel
import OutpostStore
import PostgresNIO

extension FilteredListing {
    /// Every record, or those of the given owners (`filterColumn = ANY(ids)`), in listing order.
    static func fetchAll(_ connection: BlockingConnection, of owners: Set<EntityID<Owner>>?) throws -> [Self] {
        guard let owners else {
            return try connection.decoded("\(unescaped: shape.selectSQL) ORDER BY \(unescaped: listingOrder)", Self.init(stored:))
        }
        return try connection.decoded("""
            \(unescaped: shape.selectSQL) WHERE \(unescaped: filterColumn) = ANY(\(owners.map(\.uuid))) ORDER BY \(unescaped: listingOrder)
            """, Self.init(stored:))
    }
}
