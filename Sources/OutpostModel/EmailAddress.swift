/// A syntactically plausible e-mail address: one `@`, a local part, and a dotted domain.
///
/// Outpost checks shape, not deliverability: `ana.lopez@acme.example` passes,
/// `ana@`, `@acme.example`, `ana@acme` and `ana lopez@acme.example` do not.
public struct EmailAddress: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The address as entered, without surrounding spaces.
    public let value: String

    /// - Throws: `ValidationError` with field `email` when the shape is wrong.
    public init(_ text: String, field: String = "email") throws(ValidationError) {
        let trimmed = String(text.trimmingWhitespace)
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let allowedLocal: (Character) -> Bool = { $0.isLetter || $0.isNumber || ".!#$%&'*+/=?^_`{|}~-".contains($0) }
        let allowedDomain: (Character) -> Bool = { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }
        let valid = trimmed.count <= 254 && parts.count == 2
            && !parts[0].isEmpty && parts[0].count <= 64 && parts[0].allSatisfy(allowedLocal)
            && parts[1].allSatisfy(allowedDomain)
            && parts[1].split(separator: ".", omittingEmptySubsequences: false).count >= 2
            && parts[1].split(separator: ".", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty }
        guard valid else {
            throw ValidationError(.badFormat, field: field, "must be an e-mail address such as name@example.com (got \"\(text)\")")
        }
        value = trimmed
    }

    public var description: String { value }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
