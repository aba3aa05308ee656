import MergeEngine
import OutpostModel

/// One field of a record type: its stable id and name, and how it moves between the
/// record and a ``FieldValue``.
///
/// Field ids are assigned 1, 2, 3… in declaration order and are part of the wire
/// format: NEVER renumber or reuse one. A new field takes the next free id; a
/// retired field's id stays retired.
struct FieldSpec<Record>: Sendable {
    /// The field as the CLI and the documentation see it.
    let descriptor: FieldDescriptor
    /// Whether this is the record's `currency` field, which money fields depend on.
    let isCurrency: Bool
    /// How people read and type the field's value.
    let text: TextCodec
    let encode: @Sendable (Record) -> FieldValue
    let decode: @Sendable (inout Record, FieldValue, DecodingContext) throws(FieldProblem) -> Void

    /// A field that must hold a value.
    static func required<Value>(
        _ id: UInt16, _ name: String, _ keyPath: any WritableKeyPath<Record, Value> & Sendable, _ codec: FieldMapping<Value>
    ) -> FieldSpec {
        FieldSpec(
            id, name, codec, isOptional: false,
            encode: { codec.encode($0[keyPath: keyPath]) },
            decode: { record, value, context throws(FieldProblem) in
                guard value != .null else {
                    throw FieldProblem(.missingField, "is required but missing or null; write a \(codec.valueCase) value")
                }
                record[keyPath: keyPath] = try codec.decode(value, context)
            })
    }

    /// A field whose `nil` is `.null`.
    static func optional<Value>(
        _ id: UInt16, _ name: String, _ keyPath: any WritableKeyPath<Record, Value?> & Sendable, _ codec: FieldMapping<Value>
    ) -> FieldSpec {
        FieldSpec(
            id, name, codec, isOptional: true,
            encode: { $0[keyPath: keyPath].map(codec.encode) ?? .null },
            decode: { record, value, context throws(FieldProblem) in
                record[keyPath: keyPath] = value == .null ? nil : try codec.decode(value, context)
            })
    }

    /// The record's `currency` field, the ISO 4217 code every money value of the
    /// record is in. It is decoded before the other fields.
    /// - Parameters:
    ///   - currency: The record's currency; `nil` (written `.null`) when the record
    ///     holds no money, such as a quote without lines.
    ///   - set: Stores a decoded currency, for records that keep one of their own
    ///     (a price book); such a record's currency is required.
    static func currency(
        _ id: UInt16, of currency: @escaping @Sendable (Record) -> Currency?,
        set: (@Sendable (inout Record, Currency) -> Void)? = nil
    ) -> FieldSpec {
        FieldSpec(
            id, "currency", FieldMapping.currency, isOptional: set == nil, isCurrency: true,
            encode: { currency($0).map(FieldMapping.currency.encode) ?? .null },
            decode: { record, _, context throws(FieldProblem) in
                guard let set else { return }
                set(&record, try context.requireCurrency())
            })
    }
}

extension FieldSpec {
    /// A field whose value `codec` maps, described and typed as `codec` says.
    private init<Value>(
        _ id: UInt16, _ name: String, _ codec: FieldMapping<Value>, isOptional: Bool, isCurrency: Bool = false,
        encode: @escaping @Sendable (Record) -> FieldValue,
        decode: @escaping @Sendable (inout Record, FieldValue, DecodingContext) throws(FieldProblem) -> Void
    ) {
        self.init(descriptor: FieldDescriptor(id: FieldID(id), name: name, valueCase: codec.valueCase, isOptional: isOptional,
                                              textHint: codec.text.hint),
                  isCurrency: isCurrency, text: TextCodec(codec), encode: encode, decode: decode)
    }
}
