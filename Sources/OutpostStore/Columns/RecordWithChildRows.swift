public import OutpostModel

/// A record kept as a row of its own table and rows of a child table keyed within it: a
/// price book and its prices by product, a forecast submission and its amounts by
/// category. Both backends list such records the same way: the child rows gathered by
/// parent (``childrenByParent(_:)``), then each row of ``listingSQL`` with its own.
public protocol RecordWithChildRows: DomainRecord {
    /// What a child row is keyed by within its parent.
    associatedtype ChildKey: Hashable
    /// What a child row holds.
    associatedtype ChildValue

    /// The child table.
    static var childShape: TableShape { get }
    /// The `ORDER BY` of a listing of every record: `name, id`.
    static var listingOrder: String { get }
    /// Decodes a row of `childShape.selectSQL`: the parent's id, the key and the value.
    static func child(stored row: some StoredRow) throws(StoreError) -> (parent: EntityID<Self>, key: ChildKey, value: ChildValue)
    /// Decodes a row of `shape.selectSQL` (its first column the id) with its child rows.
    init(stored row: some StoredRow, children: [ChildKey: ChildValue]) throws(StoreError)
}

extension RecordWithChildRows {
    /// The query that lists every record, in ``listingOrder``.
    public static var listingSQL: String { shape.selectSQL + " ORDER BY " + listingOrder }

    /// Decoded child rows gathered by parent.
    public static func childrenByParent(
        _ rows: [(parent: EntityID<Self>, key: ChildKey, value: ChildValue)]
    ) -> [EntityID<Self>: [ChildKey: ChildValue]] {
        var children: [EntityID<Self>: [ChildKey: ChildValue]] = [:]
        for row in rows { children[row.parent, default: [:]][row.key] = row.value }
        return children
    }

    /// Decodes a row of ``listingSQL`` with its children, taken from every record's.
    public init(stored row: some StoredRow, among children: [EntityID<Self>: [ChildKey: ChildValue]]) throws(StoreError) {
        let id: EntityID<Self> = try row.id(0, Self.shape.table, "id")
        try self.init(stored: row, children: children[id] ?? [:])
    }
}
