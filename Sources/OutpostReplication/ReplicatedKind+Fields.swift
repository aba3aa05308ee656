import MergeEngine

extension ReplicatedKind {
    /// The kind's fields in field-id order.
    public var fields: [FieldDescriptor] { recordType.fieldDescriptors }

    /// The snake_case name of a field, e.g. `close_date`, or `nil` for an id this
    /// version does not know (a newer peer's field).
    public func fieldName(_ id: FieldID) -> String? {
        fields.first { $0.id == id }?.name
    }

    /// The id of the field with the given snake_case name, or `nil`.
    public func fieldID(named name: String) -> FieldID? {
        fields.first { $0.name == name }?.id
    }

    /// Decodes a record of this kind from its merged fields.
    ///
    /// ```swift
    /// let record = try ReplicatedKind.account.decode(recordID: id, fields: view.fields)
    /// ```
    /// - Throws: ``RecordDecodingError`` naming the first bad field.
    public func decode(recordID: RecordID, fields: [FieldID: FieldValue]) throws(RecordDecodingError) -> any ReplicatedRecord {
        try recordType.init(recordID: recordID, fields: fields)
    }
}
