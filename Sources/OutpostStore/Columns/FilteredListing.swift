public import OutpostModel

/// A record both backends list the same way: every one, or only those whose
/// ``filterColumn`` holds one of some owners' ids, in ``listingOrder``.
public protocol FilteredListing: DomainRecord {
    /// The entity a listing may be limited to some of: an account's territory.
    associatedtype Owner
    /// The column holding the owner's id: `territory_id`.
    static var filterColumn: String { get }
    /// The `ORDER BY` of a listing: `name, id`.
    static var listingOrder: String { get }
    /// Decodes a row of `shape.selectSQL`.
    init(stored row: some StoredRow) throws(StoreError)
}
