import MergeEngine
import OutpostModel

/// A domain record that replicates field by field through the merge engine.
///
/// Every replicated model type adopts it with a declarative ``RecordSchema``; the
/// other requirements have default implementations that read the schema.
///
/// ```swift
/// let fields = account.fields                     // [FieldID: FieldValue]
/// let back = try Account(recordID: account.recordID, fields: fields)
/// assert(back == account)
/// ```
public protocol ReplicatedRecord: Hashable, Sendable {
    /// The record's field schema.
    static var schema: RecordSchema<Self> { get }
    /// The record's kind.
    static var kind: ReplicatedKind { get }
    /// The record's id in the merge engine.
    var recordID: RecordID { get }
    /// Every field of the record, `nil` optionals as `.null`.
    ///
    /// Money values must share the record's one currency (the model's `validate()`
    /// refuses mixed currencies); the currency is written once, in the `currency` field.
    var fields: [FieldID: FieldValue] { get }
    /// What decides which devices receive the record.
    var route: RecordRoute { get }
    /// Decodes a record from its merged fields, then runs the model's `validate()`
    /// where it has one.
    /// - Throws: ``RecordDecodingError`` naming the first missing, wrongly typed or
    ///   invalid field, or the broken model rule.
    init(recordID: RecordID, fields: [FieldID: FieldValue]) throws(RecordDecodingError)
}

extension ReplicatedRecord {
    public static var kind: ReplicatedKind { schema.kind }

    /// The fields of the kind in id order.
    public static var fieldDescriptors: [FieldDescriptor] { schema.descriptors }

    public var recordID: RecordID { Self.schema.recordID(self) }

    public var fields: [FieldID: FieldValue] { Self.schema.encode(self) }

    public var route: RecordRoute { Self.schema.route(self) }

    public init(recordID: RecordID, fields: [FieldID: FieldValue]) throws(RecordDecodingError) {
        self = try Self.schema.decode(recordID: recordID, fields: fields)
    }
}
