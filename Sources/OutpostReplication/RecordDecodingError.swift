import MergeEngine
import OutpostModel

/// Merged fields that do not make a valid record of their kind.
///
/// The error names the kind, the field (by its snake_case name and id) and says what
/// was expected, so a sync log or the CLI can print it as is:
/// `account field name (f2) is required but missing or null; …`.
public struct RecordDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, stable for scripts and tests.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        enum Wrapped: String, Hashable, Sendable {
            case missingField, wrongValueCase, invalidValue, invalidRecord, mismatchedRecordID, unknownField
        }

        let wrapped: Wrapped

        /// A required field is absent or `.null`.
        public static let missingField = Code(wrapped: .missingField)
        /// A field holds another ``FieldValue`` case than its schema says.
        public static let wrongValueCase = Code(wrapped: .wrongValueCase)
        /// A field has the right case but an unusable value (bad UUID length, unknown
        /// enum value, scale that does not match the currency, malformed bytes…).
        public static let invalidValue = Code(wrapped: .invalidValue)
        /// Every field decoded but the record breaks a model rule (`validate()`).
        public static let invalidRecord = Code(wrapped: .invalidRecord)
        /// The record id does not match the id derived from the fields
        /// (configurator models, whose id derives from their product).
        public static let mismatchedRecordID = Code(wrapped: .mismatchedRecordID)
        /// Text was given for a field id the kind does not have
        /// (``ReplicatedKind/value(parsing:field:in:)``).
        public static let unknownField = Code(wrapped: .unknownField)

        public var description: String { wrapped.rawValue }
    }

    /// What went wrong.
    public let code: Code
    /// The kind being decoded.
    public let kind: ReplicatedKind
    /// The snake_case name of the offending field (for ``Code/invalidRecord``, the
    /// field the model rule names).
    public let field: String
    /// The offending field's id, when the error concerns one wire field.
    public let fieldID: FieldID?
    /// A sentence that says what is wrong and what to do.
    public let message: String
    /// The model rule that was broken, for ``Code/invalidRecord``.
    public let validationError: ValidationError?

    init(code: Code, kind: ReplicatedKind, field: String, fieldID: FieldID?, message: String,
         validationError: ValidationError? = nil) {
        self.code = code
        self.kind = kind
        self.field = field
        self.fieldID = fieldID
        self.message = message
        self.validationError = validationError
    }

    public var description: String {
        let id = fieldID.map { " (\($0))" } ?? ""
        return "\(kind.name) field \(field)\(id) \(message)"
    }
}

/// A problem with one field's value, before the schema adds the kind and field.
struct FieldProblem: Error {
    let code: RecordDecodingError.Code
    let message: String

    init(_ code: RecordDecodingError.Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The value holds another case than expected.
    static func wrongCase(_ value: FieldValue, expected: FieldValueCase) -> FieldProblem {
        FieldProblem(.wrongValueCase, "must be \(expected.article) \(expected) value but is \(FieldValueCase(value).map { "\($0.article) \($0)" } ?? "null"); the writer uses another schema version or wrote the wrong type")
    }

    /// An invalid value, with what a valid one looks like.
    static func invalid(_ message: String) -> FieldProblem { FieldProblem(.invalidValue, message) }
}
