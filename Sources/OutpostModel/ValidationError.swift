/// A value that breaks a rule of the domain model.
///
/// Every validation failure names the field and says what a valid value looks like,
/// so a CSV import or a CLI command can print it as is.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of rule was broken; stable for scripts and tests.
    public enum Code: String, Sendable, Hashable {
        case required
        case tooLong
        case outOfRange
        case badFormat
        case inconsistent
    }

    /// The stable code of the rule that was broken.
    public let code: Code
    /// The name of the offending field, as the CLI and the CSV headers spell it.
    public let field: String
    /// A sentence that says what is wrong and what a valid value looks like.
    public let reason: String

    public init(_ code: Code, field: String, _ reason: String) {
        self.code = code
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}

/// A value type whose invariants can be checked as a whole.
public protocol Validatable {
    /// Throws the first broken rule, if any.
    func validate() throws(ValidationError)
}

/// Small checks shared by the entity validators.
enum Check {
    static func required(_ value: String, _ field: String, maxLength: Int = 200) throws(ValidationError) {
        let trimmed = value.trimmingWhitespace
        guard !trimmed.isEmpty else {
            throw ValidationError(.required, field: field, "must not be empty")
        }
        try optional(value, field, maxLength: maxLength)
    }

    /// Throws `.outOfRange` if `amount` (when there is one) is below zero.
    static func notNegative(_ amount: Money?, _ field: String) throws(ValidationError) {
        guard let amount, amount.minorUnits < 0 else { return }
        throw ValidationError(.outOfRange, field: field, "must not be negative (got \(amount))")
    }

    static func optional(_ value: String?, _ field: String, maxLength: Int = 200) throws(ValidationError) {
        guard let value else { return }
        guard value.count <= maxLength else {
            throw ValidationError(.tooLong, field: field, "must be at most \(maxLength) characters (got \(value.count))")
        }
        // Printable ASCII is decided without the Unicode property table (the common case,
        // and a list of thousands of records validates every one).
        guard !value.unicodeScalars.contains(where: {
            $0.value < 0x20 || ($0.value >= 0x7F && $0.properties.generalCategory == .control)
        }) else {
            throw ValidationError(.badFormat, field: field, "must not contain control characters")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = lastIndex(where: { !isSpace($0) })!
        return self[start...end]
    }
}
