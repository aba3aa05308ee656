import MergeEngine

extension ReplicatedKind {
    /// A field's value as people read it, chosen by the field's codec: days as
    /// `2026-11-24`, money as `1234.50` in the record's currency, references as
    /// lower-case UUIDs, enums as raw values, flags as `yes`/`no`, byte-encoded
    /// arrays in a short form (`Protocol/RECORDS.md`, "Text forms"); `.null` is empty.
    ///
    /// A value the field's codec refuses (or of a field this version does not know)
    /// reads plainly: numbers as they are, bytes as `N bytes`.
    ///
    /// ```swift
    /// ReplicatedKind.opportunity.text(of: .decimal(units: 123450, scale: 2), field: FieldID(5), in: view.values)
    /// // "1234.50"
    /// ```
    /// - Parameters:
    ///   - value: The value to show.
    ///   - field: The field holding it.
    ///   - fields: The record's fields; money reads its scale from their `currency`.
    public func text(of value: FieldValue, field: FieldID, in fields: [FieldID: FieldValue]) -> String {
        recordType.text(of: value, field: field, in: fields)
    }

    /// The value that `text` spells for a field: the inverse of
    /// ``text(of:field:in:)`` for every valid value.
    ///
    /// Empty text is `.null` for an optional field and the empty list for a
    /// byte-encoded array. Days must be exactly `YYYY-MM-DD`; amounts take at most
    /// the record currency's decimal places and are never rounded.
    ///
    /// ```swift
    /// let day = try ReplicatedKind.opportunity.value(parsing: "2026-11-24", field: FieldID(7), in: view.values)
    /// ```
    /// - Parameters:
    ///   - text: What the person typed.
    ///   - field: The field to set.
    ///   - fields: The record's fields; money takes its scale from their `currency`,
    ///     so set the currency first when changing it.
    /// - Throws: ``RecordDecodingError`` saying what a valid value looks like:
    ///   ``RecordDecodingError/Code/missingField`` for empty text in a required
    ///   field, ``RecordDecodingError/Code/invalidValue`` for malformed text,
    ///   ``RecordDecodingError/Code/unknownField`` for an id the kind lacks.
    public func value(parsing text: String, field: FieldID, in fields: [FieldID: FieldValue]) throws(RecordDecodingError) -> FieldValue {
        try recordType.value(parsing: text, field: field, in: fields)
    }
}

extension ReplicatedRecord {
    static func text(of value: FieldValue, field: FieldID, in fields: [FieldID: FieldValue]) -> String {
        schema.text(of: value, field: field, in: fields)
    }

    static func value(parsing text: String, field: FieldID, in fields: [FieldID: FieldValue]) throws(RecordDecodingError) -> FieldValue {
        try schema.value(parsing: text, field: field, in: fields)
    }

    static func texts(of fields: [FieldID: FieldValue]) -> [String] { schema.texts(of: fields) }
}
