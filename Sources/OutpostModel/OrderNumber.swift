/// The human order number the server gives an order when it accepts it: `SO-000123`.
///
/// Numbers are sequential from 1 on one server; the text form pads to six digits
/// (longer numbers print in full).
public struct OrderNumber: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The sequential value, from 1.
    public var value: Int

    /// The number `value` (from 1).
    public init(_ value: Int) { self.value = value }

    /// Parses `SO-000123` (any case) or `123`.
    /// - Throws: `ValidationError` when the text is neither.
    public init(parsing text: String) throws(ValidationError) {
        let digits = text.uppercased().hasPrefix("SO-") ? text.dropFirst(3) : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let value = Int(digits), value >= 1 else {
            throw ValidationError(.badFormat, field: "number", "must look like SO-000123 (got \"\(text)\")")
        }
        self.value = value
    }

    /// `SO-000123`.
    public var description: String {
        let digits = String(value)
        return "SO-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (lhs: OrderNumber, rhs: OrderNumber) -> Bool { lhs.value < rhs.value }
}
