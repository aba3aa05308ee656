import OutpostModel

/// The CSV layout of one kind of record: the column table that drives the header
/// checks and export, and the decoder that turns one row's cells into a record.
///
/// The shared import loop (`RecordImporter`) and export (`CSVExport`) work on any
/// conforming type, so each kind only states its columns and how to build its record.
protocol RecordColumns {
    associatedtype Record: Validatable & Reidentifiable & Hashable & Sendable where Record.ID: Hashable & CustomStringConvertible

    /// The kind, for messages.
    static var kind: InterchangeKind { get }
    /// The columns in export order.
    static var columns: [Column<Record>] { get }
    /// Builds a record from one row, reporting every bad cell to `row`.
    /// - Returns: the record, or `nil` when a cell was bad (the reasons are in `row.errors`).
    static func decode(_ row: inout RowDecoder) -> Record?
    /// The keys a row without an id is matched on against stored records and earlier
    /// rows (`e-mail: ana@example.com`, the part before the colon says what matched); none means such a row is always new.
    static func matchKeys(_ record: Record) -> [String]
    /// Whether a match is the same record (a unique name: the row updates it) rather
    /// than a likely duplicate (reported and left out).
    static var matchIsIdentity: Bool { get }
}

extension RecordColumns {
    static func matchKeys(_ record: Record) -> [String] { [] }
    static var matchIsIdentity: Bool { false }

    /// The names of the columns an import file must have.
    static var requiredColumnNames: [String] { columns.filter { $0.rule == .required }.map(\.name) }

    /// The import rule of each column, by name.
    static var rules: [String: ColumnRule] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.rule) })
    }
}

/// A record whose id an import may replace (a row without an id that names a stored
/// record by its unique name takes that record's id).
protocol Reidentifiable: Identifiable {
    var id: ID { get set }
}

extension Account: Reidentifiable {}
extension Contact: Reidentifiable {}
extension Opportunity: Reidentifiable {}
extension Lead: Reidentifiable {}
extension Activity: Reidentifiable {}
extension Territory: Reidentifiable {}
extension User: Reidentifiable {}
extension Quota: Reidentifiable {}
extension Product: Reidentifiable {}
