/// A value written as its text form, `description`, and read back by parsing it:
/// identifiers, dates and times travel in JSON as the strings people type.
///
/// Conforming types get `Codable` from the text form: a value encodes as a single
/// string, and a string that names no value fails to decode with the type's
/// ``ValidationError``, naming ``textField``.
public protocol ParsedText: Codable, CustomStringConvertible {
    /// The field a value of this type is called in errors when none is named (`date`, `id`).
    static var textField: String { get }

    /// Parses `text`, the form ``description`` writes.
    /// - Throws: `ValidationError` naming `field` when `text` names no value.
    init(parsing text: String, field: String) throws(ValidationError)
}

extension ParsedText {
    public init(from decoder: any Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self), field: Self.textField)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
