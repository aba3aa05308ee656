import MergeEngine
import OutpostModel

extension ReplicatedKind {
    /// The header of a CSV table of this kind: `id`, then the field names in id order.
    ///
    /// ```swift
    /// ReplicatedKind.territory.csvHeader   // ["id", "name", "parent_id"]
    /// ```
    public var csvHeader: [String] { ["id"] + fields.map(\.name) }

    /// One record's cells under ``csvHeader``: its id as a lower-case UUID, then each
    /// field's ``text(of:field:in:)`` (an absent field is empty). Write them with a
    /// CSV writer, which quotes as needed.
    /// - Parameters:
    ///   - id: The record's id.
    ///   - fields: The record's fields.
    public func csvRow(id: RecordID, fields: [FieldID: FieldValue]) -> [String] {
        [EntityID<Never>(id).description] + recordType.texts(of: fields)
    }
}
