import OutpostStore
import PostgresNIO

extension RecordWithChildRows {
    /// Every record with its child rows, in listing order.
    static func fetchAll(_ connection: BlockingConnection) throws -> [Self] {
        let children = childrenByParent(try connection.decoded("\(unescaped: childShape.selectSQL)", child(stored:)))
        return try connection.decoded("\(unescaped: listingSQL)") { row throws(StoreError) in try Self(stored: row, among: children) }
    }
}
