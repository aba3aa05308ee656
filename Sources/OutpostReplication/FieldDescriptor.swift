import MergeEngine

/// The case of ``FieldValue`` a field uses when it is not `.null`.
public enum FieldValueCase: String, Hashable, Sendable, CustomStringConvertible {
    case bool, int, string, bytes, decimal

    /// The case of `value`, or `nil` for `.null`.
    public init?(_ value: FieldValue) {
        switch value {
        case .null: return nil
        case .bool: self = .bool
        case .int: self = .int
        case .string: self = .string
        case .bytes: self = .bytes
        case .decimal: self = .decimal
        }
    }

    public var description: String { rawValue }

    var article: String { self == .int ? "an" : "a" }
}

/// One field of a replicated kind as the CLI and the documentation see it.
public struct FieldDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// The stable id on the wire. Ids are assigned 1, 2, 3… in declaration order and
    /// are never renumbered or reused: a new field takes the next free id.
    public let id: FieldID
    /// The snake_case name, e.g. `close_date`.
    public let name: String
    /// The value case the field holds when set.
    public let valueCase: FieldValueCase
    /// Whether the field may be `.null`.
    public let isOptional: Bool
    /// What the field's text form looks like, for help text: `YYYY-MM-DD`,
    /// `one of call, visit, email, task` (see ``ReplicatedKind/text(of:field:in:)``).
    public let textHint: String

    public var description: String { "\(id) \(name): \(valueCase)\(isOptional ? "?" : "")" }
}
