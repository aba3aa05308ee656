import OutpostReplication

/// The replica's index of records by kind (`record_by_kind`), holding only the kinds a
/// list reads a small part of the replica for.
///
/// Contacts and activities are most of a large replica (347,537 of the World manager's
/// 478,637 records): listing either reads most of the table anyway, and their entries
/// were 4 of the index's 5.5 MB. The index leaves them out; a query by kind names the
/// index's own condition (``condition(_:)``), which SQLite needs to see to use a partial
/// index, and a query for a kind left out scans the table.
enum KindIndex {
    /// The kinds the index holds, as migration `v13-kind-index` made it: every kind but
    /// contacts and activities. A kind added later is read by a scan until a migration
    /// makes the index again with it (`ParentIndexTests` fails until one does).
    static let indexedKinds: [ReplicatedKind] = [
        .territory, .user, .account, .lead, .opportunity, .product, .productOption, .priceBook, .configuratorModel,
        .forecastSubmission, .forecastAdjustment, .quote, .order, .quota, .catalogBundle, .device, .document,
    ]

    /// The index's condition.
    static let indexed = "kind IN (\(indexedKinds.map { "\($0.rawValue)" }.joined(separator: ", ")))"

    /// The index's definition.
    static let definition = "CREATE INDEX record_by_kind ON record(kind) WHERE \(indexed)"

    /// The SQL condition selecting the records of `kind` (one placeholder, for its raw
    /// value), in the form that lets SQLite use the index when it holds the kind.
    static func condition(_ kind: ReplicatedKind) -> String {
        indexedKinds.contains(kind) ? "\(indexed) AND kind = ?" : "kind = ?"
    }
}
