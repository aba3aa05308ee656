import OutpostModel

/// The CSV layout of one kind of record: the column table that drives the header
/// checks and export, and the decoder that turns one row's cells into a record.
///
/// The shared import loop (`RecordImporter`) and export (`CSVExport`) work on any
/// conforming type, so each kind only states its columns and how to build its record.
protocol RecordColumns {
    associatedtype Record: Validatable & Identifiable where Record.ID: Hashable & CustomStringConvertible

    /// The kind, for messages.
    static var kind: InterchangeKind { get }
    /// The columns in export order.
    static var columns: [Column<Record>] { get }
    /// Builds a record from one row, reporting every bad cell to `row`.
    /// - Returns: the record, or `nil` when a cell was bad (the reasons are in `row.errors`).
    static func decode(_ row: inout RowDecoder) -> Record?
}

extension RecordColumns {
    /// The names of the columns an import file must have.
    static var requiredColumnNames: [String] { columns.filter { $0.rule == .required }.map(\.name) }

    /// The import rule of each column, by name.
    static var rules: [String: ColumnRule] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.rule) })
    }
}
