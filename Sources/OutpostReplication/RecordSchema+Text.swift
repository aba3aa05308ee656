import MergeEngine

extension RecordSchema {
    /// `value` of field `field` as people read it; see ``ReplicatedKind/text(of:field:in:)``.
    func text(of value: FieldValue, field: FieldID, in fields: [FieldID: FieldValue]) -> String {
        text(of: value, field: field, context: (try? context(fields)) ?? DecodingContext())
    }

    /// Every field's text in id order, the record's currency decoded once.
    func texts(of fields: [FieldID: FieldValue]) -> [String] {
        let context = (try? context(fields)) ?? DecodingContext()
        return specs.map { text(of: fields[$0.descriptor.id] ?? .null, field: $0.descriptor.id, context: context) }
    }

    /// The value of field `field` that `text` spells; see
    /// ``ReplicatedKind/value(parsing:field:in:)``.
    func value(parsing text: String, field: FieldID, in fields: [FieldID: FieldValue]) throws(RecordDecodingError) -> FieldValue {
        guard let spec = specs.first(where: { $0.descriptor.id == field }) else {
            let names = descriptors.map(\.name).joined(separator: ", ")
            throw RecordDecodingError(code: .unknownField, kind: kind, field: field.description, fieldID: field,
                                      message: "is not a field of \(kind.name) in this version; its fields are \(names)")
        }
        if text.isEmpty, !spec.text.readsEmpty {
            guard spec.descriptor.isOptional else {
                throw failure(FieldProblem(.missingField, "is required and cannot be empty; write \(spec.descriptor.textHint)"),
                              spec.descriptor)
            }
            return .null
        }
        do {
            return try spec.text.parse(text, (try? context(fields)) ?? DecodingContext())
        } catch {
            throw failure(error, spec.descriptor)
        }
    }

    private func text(of value: FieldValue, field: FieldID, context: DecodingContext) -> String {
        guard value != .null else { return "" }
        guard let spec = specs.first(where: { $0.descriptor.id == field }),
              let text = try? spec.text.format(value, context) else { return value.plainText }
        return text
    }
}
