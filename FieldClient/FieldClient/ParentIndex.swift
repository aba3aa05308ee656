import GRDB

/// The replica's index of records by parent (`record_by_parent`), left out while a sync
/// fills an empty replica and built once when the sync ends.
///
/// A parent is a random id, so a bootstrap inserting its records one batch after another
/// touched pages all over the index in every batch, and the replica's small page cache
/// wrote them out again and again; building the index once from the finished table sorts
/// instead (the DACH manager's bootstrap: 12–25% less of the device's CPU, measured side
/// by side). Reads by parent are correct without the index, only slower: every sync ends
/// with the index in place, and one that finds records without it (a bootstrap killed
/// midway) builds it before it applies anything, so the forecast triggers that read by
/// parent never run without it during a sync.
enum ParentIndex {
    /// The page cache while the index is built. Building sorts the parents in a buffer
    /// of at least 1 MB (SQLite's 250 pages), as large as the page cache if that is
    /// larger, allocated next to it: with the default 2 MB cache the bootstraps' peak
    /// RSS went from 37.9 to 40.1 MB, past the 40 MB goal; with this, to about 38.8 MB.
    private static let buildingCacheKiB = 256

    /// Before an exchange's frames are applied: dropped when the replica holds no record,
    /// else built if it is missing.
    static func beforeApplying(_ db: Database) throws {
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM record)") == true {
            try buildIfMissing(db)
        } else {
            try db.execute(sql: "DROP INDEX IF EXISTS record_by_parent")
        }
    }

    /// After an exchange, however it ended: built if it is missing.
    static func afterApplying(_ db: Database) throws {
        try buildIfMissing(db)
    }

    private static func buildIfMissing(_ db: Database) throws {
        let exists = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'record_by_parent')"
        guard try Bool.fetchOne(db, sql: exists) == false else { return }
        try db.withPageCache(kiB: buildingCacheKiB) { try db.execute(sql: definition) }
    }

    /// The index's definition: the rows filed under a parent.
    static let definition = "CREATE INDEX record_by_parent ON record(parent) WHERE parent IS NOT NULL"
}
