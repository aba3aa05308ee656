import OutpostReplication

/// The replica's index of records by kind (`record_by_kind`), holding only the kinds a
/// list reads a small part of the replica for.
///
/// Contacts and activities are most of a large replica (347,537 of the World manager's
/// 478,637 records): listing either reads most of the table anyway, and their entries
/// were 4 of the index's 5.5 MB. The index leaves them out; a query by kind names the
/// index's own condition (``condition(_:)``), which SQLite needs to see to use a partial
/// index, and a query for a kind left out scans the table. The condition names the two
/// kinds left out rather than the many kept: SQLite evaluates it for every row written
/// and every row `PRAGMA integrity_check` reads (the World replica's check: 1.0 s with an
/// index of every kind, 1.8 s with the kept kinds listed, 0.8 s with this).
enum KindIndex {
    /// The kinds the index leaves out.
    static let unindexed: [ReplicatedKind] = [.contact, .activity]

    /// The index's condition.
    static let indexed = "kind NOT IN (\(unindexed.map { "\($0.rawValue)" }.joined(separator: ", ")))"

    /// The index's definition.
    static let definition = "CREATE INDEX record_by_kind ON record(kind) WHERE \(indexed)"

    /// The SQL condition selecting the records of `kind` (one placeholder, for its raw
    /// value), in the form that lets SQLite use the index when it holds the kind.
    static func condition(_ kind: ReplicatedKind) -> String {
        unindexed.contains(kind) ? "kind = ?" : "\(indexed) AND kind = ?"
    }
}
