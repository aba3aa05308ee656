public import Foundation
public import OutpostModel

/// One value of a domain-table column, as both backends bind it: SQLite stores an
/// id as its lower-case text and a flag as 0 or 1, PostgreSQL as `uuid` and `boolean`.
public enum ColumnValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case text(String)
    case blob(Data)
    case id(UUID)
    case bool(Bool)

    /// `.text`, or `.null` for `nil`.
    public static func text(_ value: String?) -> ColumnValue { value.map { .text($0) } ?? .null }
    /// `.integer`, or `.null` for `nil`.
    public static func integer(_ value: Int64?) -> ColumnValue { value.map { .integer($0) } ?? .null }
    /// `.integer` of an `Int`, or `.null` for `nil`.
    public static func integer(_ value: Int?) -> ColumnValue { value.map { .integer(Int64($0)) } ?? .null }
    /// `.id`, or `.null` for `nil`.
    public static func id<Entity>(_ value: EntityID<Entity>?) -> ColumnValue { value.map { .id($0.uuid) } ?? .null }
}
