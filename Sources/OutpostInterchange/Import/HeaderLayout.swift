/// The header row of an import file, checked against a kind's columns.
///
/// Header names are matched case-insensitively and without surrounding spaces;
/// the columns may come in any order.
struct HeaderLayout {
    /// The column name at each position of the file.
    let names: [String]
    /// The line the header is on.
    let line: Int

    /// Checks the header.
    /// - Throws: ``ImportError`` for unknown, duplicate or missing required columns.
    init<C: RecordColumns>(_ header: CSVRecord, for _: C.Type) throws(ImportError) {
        let known = C.columns.map(\.name)
        let names = header.fields.map { $0.trimmingWhitespace.lowercased() }
        let knownList = "\(C.kind) files have the columns \(known.joined(separator: ", "))"

        let unknown = names.filter { !known.contains($0) }
        guard unknown.isEmpty else {
            let list = unknown.map { $0.isEmpty ? "\"\" (a blank header cell)" : $0 }.joined(separator: ", ")
            throw ImportError(.unknownColumns, line: header.line,
                              "unknown \(unknown.count == 1 ? "column" : "columns") \(list); \(knownList)")
        }
        var seen: Set<String> = []
        let duplicates = names.filter { !seen.insert($0).inserted }
        guard duplicates.isEmpty else {
            throw ImportError(.duplicateColumns, line: header.line,
                              "the header names \(Set(duplicates).sorted().joined(separator: ", ")) more than once; keep one of each")
        }
        let missing = C.requiredColumnNames.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw ImportError(.missingColumns, line: header.line,
                              "missing required \(missing.count == 1 ? "column" : "columns") \(missing.joined(separator: ", ")); "
                              + "\(C.kind) files need \(C.requiredColumnNames.joined(separator: ", "))")
        }
        self.names = names
        self.line = header.line
    }

    /// A data record's cells by column name, or `nil` when it has the wrong number of cells.
    func cells(of record: CSVRecord) -> [String: String]? {
        guard record.fields.count == names.count else { return nil }
        return Dictionary(uniqueKeysWithValues: zip(names, record.fields))
    }
}
