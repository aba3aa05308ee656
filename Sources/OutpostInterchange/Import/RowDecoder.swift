import OutpostModel

/// Reads the cells of one data row by column name and collects every bad cell.
///
/// Each accessor returns `nil` both for an empty optional cell and for a bad
/// cell; a bad cell is also recorded in ``errors``, so a decoder finishes with
/// `guard row.isClean, let … else { return nil }`.
struct RowDecoder {
    /// The physical line where the row starts.
    let line: Int
    /// Cell text by column name; columns missing from the header are absent.
    private let cells: [String: String]
    private let rules: [String: ColumnRule]
    let references: KnownReferences
    /// The bad cells found so far, in the order they were read.
    private(set) var errors: [RowError] = []

    init(line: Int, cells: [String: String], rules: [String: ColumnRule], references: KnownReferences) {
        self.line = line
        self.cells = cells
        self.rules = rules
        self.references = references
    }

    /// Whether every cell read so far was good.
    var isClean: Bool { errors.isEmpty }

    /// Parses a cell, trimmed of surrounding whitespace.
    ///
    /// An empty cell is an error in a required column and `nil` otherwise.
    /// - Parameters:
    ///   - column: the header name.
    ///   - parse: gets the trimmed text and the column name (for the error's field).
    mutating func cell<T>(_ column: String, _ parse: (String, String) throws(ValidationError) -> T) -> T? {
        let text = (cells[column] ?? "").trimmingWhitespace
        guard !text.isEmpty else {
            if rules[column] == .required { errors.append(RowError(.required, line: line, column: column, "must not be empty")) }
            return nil
        }
        do {
            return try parse(text, column)
        } catch {
            report(error)
            return nil
        }
    }

    /// A text cell exactly as written (not trimmed); a cell of only whitespace counts as empty.
    mutating func text(_ column: String) -> String? {
        let raw = cells[column] ?? ""
        return cell(column) { _, _ in raw }
    }

    /// Parses an id, or a name of ``KnownReferences``, that must name a known record when
    /// the caller supplied the known ids.
    /// - Parameters:
    ///   - column: the header name.
    ///   - known: which of the caller's id sets to check against; a `nil` set skips the check.
    ///   - names: the caller's records of that kind by lower-cased name.
    ///   - noun: what the id names, for the message (`account 3f2… does not exist`).
    mutating func reference<Entity>(_ column: String, among known: KeyPath<KnownReferences, Set<EntityID<Entity>>?>,
                                    names: KeyPath<KnownReferences, [String: [EntityID<Entity>]]>,
                                    noun: String) -> EntityID<Entity>? {
        let text = (cells[column] ?? "").trimmingWhitespace
        let byName = references[keyPath: names]
        if !text.isEmpty, (try? EntityID<Entity>(parsing: text, field: column)) == nil, !byName.isEmpty {
            let matches = byName[text.lowercased()] ?? []
            guard matches.count == 1 else {
                errors.append(RowError(.unknownReference, line: line, column: column, matches.isEmpty
                    ? "no \(noun) is named \"\(text)\"; give its id or its exact name"
                    : "\(matches.count) \(noun)s are named \"\(text)\"; give the id of the one you mean"))
                return nil
            }
            return matches[0]
        }
        guard let id = cell(column, EntityID<Entity>.init(parsing:field:)) else { return nil }
        if let ids = references[keyPath: known], !ids.contains(id) {
            errors.append(RowError(.unknownReference, line: line, column: column,
                                   "\(noun) \(id) does not exist; import or create it first, or correct the id"))
            return nil
        }
        return id
    }

    /// Records a problem found outside the cell accessors.
    mutating func append(_ error: RowError) {
        errors.append(error)
    }

    /// Records a model validation failure against the column its field names.
    mutating func report(_ error: ValidationError) {
        errors.append(RowError(RowError.Code(error.code), line: line, column: columnName(forField: error.field), error.reason))
    }

    /// The CSV column for a `ValidationError.field`: the field itself when it is a
    /// column (the model already uses the CSV spelling), else its snake_case form.
    private func columnName(forField field: String) -> String {
        if rules[field] != nil { return field }
        let snake = field.snakeCased
        return rules[snake] != nil ? snake : field
    }
}

extension RowError.Code {
    /// The row error code for a model validation code.
    init(_ code: ValidationError.Code) {
        switch code {
        case .required: self = .required
        case .tooLong: self = .tooLong
        case .outOfRange: self = .outOfRange
        case .badFormat: self = .badFormat
        case .inconsistent: self = .inconsistent
        }
    }
}
