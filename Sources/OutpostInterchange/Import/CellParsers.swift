import OutpostModel

extension Optional {
    /// The value, or a `badFormat` error listing the accepted words.
    func orThrow(_ column: String, _ text: String, choices: [String]) throws(ValidationError) -> Wrapped {
        guard let self else {
            throw ValidationError(.badFormat, field: column, "must be one of \(choices.joined(separator: ", ")) (got \"\(text)\")")
        }
        return self
    }
}

extension Bool {
    /// `true`/`false`, `yes`/`no` or `1`/`0`, any case.
    init(csvFlag text: String, field: String) throws(ValidationError) {
        switch text.lowercased() {
        case "true", "yes", "1": self = true
        case "false", "no", "0": self = false
        default: throw ValidationError(.badFormat, field: field, "must be true or false (got \"\(text)\")")
        }
    }
}

extension RowDecoder {
    /// A list of references separated by `|`, each an id or a name; an empty cell is an empty list.
    mutating func references<Entity>(_ column: String, among known: KeyPath<KnownReferences, Set<EntityID<Entity>>?>,
                                     names: KeyPath<KnownReferences, [String: [EntityID<Entity>]]>,
                                     noun: String) -> [EntityID<Entity>] {
        let parts = (cell(column) { text, _ in text } ?? "").split(separator: "|").map { String($0).trimmingWhitespace }
        return parts.filter { !$0.isEmpty }.compactMap { part in
            var single = RowDecoder(line: line, cells: [column: part], rules: [column: .optional], references: references)
            let id = single.reference(column, among: known, names: names, noun: noun)
            for error in single.errors { append(error) }
            return id
        }
    }

    /// An amount in `column`, a plain decimal in the currency of `currencyColumn`; a bad
    /// currency is reported instead of the amount, whose decimal places depend on it.
    mutating func money(_ column: String, currencyColumn: String) -> Money? {
        let currency = cell(currencyColumn) { text, _ throws(ValidationError) in try Currency(code: text.uppercased()) }
        return currency.flatMap { currency in
            cell(column) { text, field throws(ValidationError) in try Money(parsing: text, currency: currency, field: field) }
        }
    }
}
