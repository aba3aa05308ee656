import MergeEngine
import OutpostModel

/// The declarative description of one replicated record type: its fields, how its
/// record id and route derive from a record, and a blank record to decode into.
public struct RecordSchema<Record: Sendable>: Sendable {
    /// The kind the schema describes.
    public let kind: ReplicatedKind
    let specs: [FieldSpec<Record>]
    let recordIDOf: @Sendable (Record) -> RecordID
    let routeOf: @Sendable (Record) -> RecordRoute
    let blank: @Sendable (RecordID) -> Record

    /// - Parameters:
    ///   - retired: Field ids the kind no longer has; they are never reused, and a
    ///     stored value under one is ignored like a newer peer's field.
    ///   - blank: A record with the given id and placeholder values, which decoding
    ///     overwrites field by field.
    init(kind: ReplicatedKind, fields: [FieldSpec<Record>], retired: [UInt16] = [],
         recordID: @escaping @Sendable (Record) -> RecordID,
         route: @escaping @Sendable (Record) -> RecordRoute,
         blank: @escaping @Sendable (RecordID) -> Record) {
        precondition((fields.map(\.descriptor.id.rawValue) + retired).sorted() == Array(1...UInt16(fields.count + retired.count))
                     && fields.map(\.descriptor.id.rawValue) == fields.map(\.descriptor.id.rawValue).sorted(),
                     "\(kind.name): field ids must be 1, 2, 3… in declaration order, skipping only retired ones")
        self.kind = kind
        self.specs = fields
        self.recordIDOf = recordID
        self.routeOf = route
        self.blank = blank
    }

    /// The schema of a record identified by an entity id, whose record id is that
    /// id's 16 bytes.
    /// - Parameters:
    ///   - blank: A record with the given id and placeholder values, which decoding
    ///     overwrites field by field.
    init<Entity>(kind: ReplicatedKind, fields: [FieldSpec<Record>],
                 route: @escaping @Sendable (Record) -> RecordRoute,
                 blank: @escaping @Sendable (EntityID<Entity>) -> Record) where Record: Identifiable, Record.ID == EntityID<Entity> {
        self.init(kind: kind, fields: fields, recordID: { RecordID($0.id) }, route: route, blank: { blank(EntityID($0)) })
    }

    /// The fields in id order.
    public var descriptors: [FieldDescriptor] { specs.map(\.descriptor) }

    /// Every field of `record`, `nil` optionals as `.null`.
    func encode(_ record: Record) -> [FieldID: FieldValue] {
        Dictionary(uniqueKeysWithValues: specs.map { ($0.descriptor.id, $0.encode(record)) })
    }

    /// The record with `recordID` whose fields are `fields`, validated.
    ///
    /// An absent field reads as `.null`; fields this version does not know (a newer
    /// peer's) are ignored.
    func decode(recordID: RecordID, fields: [FieldID: FieldValue]) throws(RecordDecodingError) -> Record {
        let context = try self.context(fields)
        var record = blank(recordID)
        for spec in specs {
            do { try spec.decode(&record, fields[spec.descriptor.id] ?? .null, context) } catch {
                throw failure(error, spec.descriptor)
            }
        }
        guard recordIDOf(record) == recordID else {
            throw RecordDecodingError(
                code: .mismatchedRecordID, kind: kind, field: "id", fieldID: nil,
                message: "is \(recordID) but the fields give \(recordIDOf(record)); the record was stored under the wrong id")
        }
        if let validatable = record as? any Validatable {
            do { try validatable.validate() } catch {
                throw RecordDecodingError(
                    code: .invalidRecord, kind: kind, field: error.field,
                    fieldID: specs.first { $0.descriptor.name == error.field }?.descriptor.id,
                    message: error.reason, validationError: error)
            }
        }
        return record
    }

    /// What decoding the fields of `fields` needs: the record's currency, decoded first.
    func context(_ fields: [FieldID: FieldValue]) throws(RecordDecodingError) -> DecodingContext {
        var context = DecodingContext()
        guard let currency = specs.first(where: \.isCurrency) else { return context }
        let value = fields[currency.descriptor.id] ?? .null
        guard value != .null else { return context }
        do { context.currency = try FieldMapping.currency.decode(value, context) } catch {
            throw failure(error, currency.descriptor)
        }
        return context
    }

    /// The route of `record`.
    func route(_ record: Record) -> RecordRoute { routeOf(record) }

    /// The record id of `record`.
    func recordID(_ record: Record) -> RecordID { recordIDOf(record) }

    func failure(_ problem: FieldProblem, _ field: FieldDescriptor) -> RecordDecodingError {
        RecordDecodingError(code: problem.code, kind: kind, field: field.name, fieldID: field.id, message: problem.message)
    }
}
