import OutpostModel

/// The import loop shared by every kind: header check, per-row decoding and
/// validation, duplicate ids, and the all-or-nothing verdict.
enum RecordImporter {
    /// Imports every data row of `records`, or none.
    /// - Throws: ``ImportError`` for a bad header or when any row is bad.
    static func run<C: RecordColumns>(_ layout: C.Type, records: [CSVRecord],
                                      references: KnownReferences) throws(ImportError) -> [ImportedRow<C.Record>] {
        guard let headerRecord = records.first else {
            throw ImportError(.emptyFile, "the file is empty; its first line must be the header, e.g. "
                              + C.columns.map(\.name).joined(separator: ","))
        }
        let header = try HeaderLayout(headerRecord, for: C.self)
        let rules = C.rules

        var imported: [ImportedRow<C.Record>] = []
        imported.reserveCapacity(records.count - 1)
        var errors: [RowError] = []
        var rejectedRows = 0
        var firstLine: [C.Record.ID: Int] = [:]

        for record in records.dropFirst() {
            let rowErrors: [RowError]
            if let cells = header.cells(of: record) {
                var row = RowDecoder(line: record.line, cells: cells, rules: rules, references: references)
                if let decoded = C.decode(&row) {
                    do throws(ValidationError) {
                        try decoded.validate()
                    } catch {
                        row.report(error)
                    }
                    if let earlier = firstLine[decoded.id] {
                        row.append(RowError(.duplicateID, line: record.line, column: "id",
                                            "id \(decoded.id) is already used on line \(earlier); ids must be unique within a file"))
                    } else {
                        firstLine[decoded.id] = record.line
                    }
                    if row.isClean {
                        let givenID = !(cells["id"] ?? "").trimmingWhitespace.isEmpty
                        imported.append(ImportedRow(line: record.line, record: decoded, givenID: givenID))
                    }
                }
                rowErrors = row.errors
            } else {
                rowErrors = [RowError(.cellCount, line: record.line, column: "",
                                      "has \(record.fields.count) \(record.fields.count == 1 ? "cell" : "cells") but the header has "
                                      + "\(header.names.count) columns; check for a missing or extra comma, or an unquoted comma in a value")]
            }
            if !rowErrors.isEmpty {
                rejectedRows += 1
                errors += rowErrors.prefix(CSVImport.maximumRowErrors - errors.count)
            }
        }

        guard rejectedRows == 0 else {
            let summary = rejectedRows == 1 ? "1 row was rejected" : "\(rejectedRows) rows were rejected"
            throw ImportError(.invalidRows, "\(summary); nothing was imported. Fix the rows below and import the whole file again.",
                              rows: errors, rejectedRowCount: rejectedRows)
        }
        return imported
    }
}
