public import Foundation
public import OutpostModel

/// A row read from either backend, column by column in the order of a
/// ``TableShape``'s `reads`; a decoder names the table and column of a bad value.
public protocol StoredRow {
    /// The text at `index`, `nil` for NULL.
    func text(_ index: Int) throws(StoreError) -> String?
    /// The integer at `index`, `nil` for NULL.
    func integer(_ index: Int) throws(StoreError) -> Int64?
    /// The flag at `index` (SQLite: 0 or 1), `nil` for NULL.
    func bool(_ index: Int) throws(StoreError) -> Bool?
    /// The bytes at `index`, `nil` for NULL.
    func blob(_ index: Int) throws(StoreError) -> Data?
    /// The id at `index` (SQLite: its text), `nil` for NULL.
    func uuid(_ index: Int) throws(StoreError) -> UUID?
}

extension StoredRow {
    /// The non-NULL text at `index` of `table`.
    public func text(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> String {
        guard let value = try text(index) else { throw StoreError.unreadable(table, column, "is NULL") }
        return value
    }

    /// The non-NULL id at `index` of `table`.
    public func id<Entity>(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> EntityID<Entity> {
        guard let value = try uuid(index) else { throw StoreError.unreadable(table, column, "is NULL") }
        return EntityID(value)
    }

    /// The id at `index`, if not NULL.
    public func optionalID<Entity>(_ index: Int) throws(StoreError) -> EntityID<Entity>? {
        try uuid(index).map { EntityID($0) }
    }

    /// The non-NULL integer at `index` of `table`.
    public func integer(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> Int64 {
        guard let value = try integer(index) else { throw StoreError.unreadable(table, column, "is NULL") }
        return value
    }

    /// An amount from its two columns `<column>_minor` and `<column>_currency` at `index` and `index + 1`.
    public func money(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> Money {
        let minor = try integer(index, table, column + "_minor")
        return Money(minorUnits: minor, currency: try currency(index + 1, table, column + "_currency"))
    }

    /// A currency code at `index`.
    public func currency(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> Currency {
        let code = try text(index) ?? ""
        do throws(ValidationError) {
            return try Currency(code: code)
        } catch {
            throw StoreError.unreadable(table, column, error.reason)
        }
    }

    /// A day (`YYYY-MM-DD`) at `index`, if not NULL.
    public func day(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> CalendarDay? {
        guard let text = try text(index) else { return nil }
        do throws(ValidationError) {
            return try CalendarDay(parsing: text)
        } catch {
            throw StoreError.unreadable(table, column, error.reason)
        }
    }

    /// An enum's raw value at `index`.
    public func value<E: RawRepresentable>(_ index: Int, _ table: String, _ column: String) throws(StoreError) -> E
    where E.RawValue == String {
        let text = try text(index)
        guard let text, let value = E(rawValue: text) else {
            throw StoreError.unreadable(table, column, "\(text.map { "\"\($0)\"" } ?? "NULL") is not a known value")
        }
        return value
    }

    /// An e-mail address at `index`, if not NULL.
    public func email(_ index: Int, _ table: String) throws(StoreError) -> EmailAddress? {
        guard let text = try text(index) else { return nil }
        do throws(ValidationError) {
            return try EmailAddress(text)
        } catch {
            throw StoreError.unreadable(table, "email", error.reason)
        }
    }
}

extension StoreError {
    /// A value read from `table.column` that this build cannot read.
    public static func unreadable(_ table: String, _ column: String, _ detail: String) -> StoreError {
        StoreError(.database, "the database holds an unreadable value in \(table).\(column): \(detail); restore from a backup")
    }
}
