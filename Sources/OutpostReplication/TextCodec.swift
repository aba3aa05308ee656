import MergeEngine

/// A field's ``TextForm`` over ``FieldValue``: formats a non-null value through the
/// field's codec and parses text into a value the codec accepts.
struct TextCodec: Sendable {
    /// Whether empty text is a value of its own (an empty list) rather than "no value".
    let readsEmpty: Bool
    let format: @Sendable (FieldValue, DecodingContext) throws(FieldProblem) -> String
    let parse: @Sendable (String, DecodingContext) throws(FieldProblem) -> FieldValue

    init<Value>(_ codec: FieldMapping<Value>) {
        readsEmpty = codec.text.readsEmpty
        format = { value, context throws(FieldProblem) in codec.text.format(try codec.decode(value, context)) }
        parse = { text, context throws(FieldProblem) in codec.encode(try codec.text.parse(text, context)) }
    }
}
