import Foundation
import OutpostModel
import OutpostStore

// How model values are stored in SQLite columns. One place, so that every table
// encodes ids, money, days and instants the same way.
//
// - Ids: TEXT, the lower-case canonical UUID (`EntityID.description`). 36 bytes
//   instead of 16 for a BLOB, but readable in `sqlite3`, identical to the CSV and
//   JSON forms, and a direct `uuid::text` cast on PostgreSQL.
// - Money: two columns, `<name>_minor INTEGER` (minor units) and `<name>_currency TEXT`.
// - CalendarDay: TEXT `YYYY-MM-DD`, which sorts chronologically.
// - Date (instants): INTEGER milliseconds since 1970-01-01 UTC, rounded to the
//   nearest millisecond on the way in (a `Date` read back can differ from the one
//   written by less than 0.5 ms; millisecond-aligned dates round-trip exactly).
// - Configurator clauses: a BLOB of little-endian int32 literals, each clause
//   terminated by 0 (the DIMACS convention), so `[[1, -2], [3]]` is `1 -2 0 3 0`.

extension EntityID {
    /// The column form: the lower-case UUID, equal to `description` but formatted
    /// directly from the bytes (no `printf`, no `lowercased()`): bulk inserts format
    /// a few hundred thousand of these.
    var sql: String {
        let hex: StaticString = "0123456789abcdef"
        return withUnsafeBytes(of: uuid.uuid) { bytes in
            String(unsafeUninitializedCapacity: 36) { buffer in
                var out = 0
                for (index, byte) in bytes.enumerated() {
                    if index == 4 || index == 6 || index == 8 || index == 10 {
                        buffer[out] = UInt8(ascii: "-")
                        out += 1
                    }
                    buffer[out] = hex.utf8Start[Int(byte >> 4)]
                    buffer[out + 1] = hex.utf8Start[Int(byte & 0x0f)]
                    out += 2
                }
                return out
            }
        }
    }

    /// Parses an id read from `table.column`.
    static func decode(_ text: String?, _ table: String, _ column: String) throws(StoreError) -> EntityID {
        guard let text, let uuid = UUID(canonical: text) else {
            throw StoreError.corrupt(table, column, "\(text.map { "\"\($0)\"" } ?? "NULL") is not a UUID")
        }
        return EntityID(uuid)
    }

    /// Parses an optional id read from `table.column`.
    static func decodeOptional(_ text: String?, _ table: String, _ column: String) throws(StoreError) -> EntityID? {
        guard let text else { return nil }
        return try decode(text, table, column)
    }
}

extension UUID {
    /// Parses the canonical form `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (hex digits of
    /// either case), the form every id column holds, straight from its UTF-8 bytes:
    /// `UUID(uuidString:)` runs `sscanf` per id, and every sync reads several (its
    /// device, user and territories). Anything else, however close, is `nil`.
    init?(canonical text: String) {
        var text = text
        let parsed = text.withUTF8 { utf8 -> uuid_t? in
            guard utf8.count == 36 else { return nil }
            var value: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            let complete = withUnsafeMutableBytes(of: &value) { bytes -> Bool in
                var index = 0
                for position in [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34] {
                    guard let high = Self.hexValue(utf8[position]), let low = Self.hexValue(utf8[position + 1]) else { return false }
                    bytes[index] = high << 4 | low
                    index += 1
                }
                return true
            }
            let dashes = utf8[8] == UInt8(ascii: "-") && utf8[13] == UInt8(ascii: "-")
                && utf8[18] == UInt8(ascii: "-") && utf8[23] == UInt8(ascii: "-")
            return complete && dashes ? value : nil
        }
        guard let parsed else { return nil }
        self.init(uuid: parsed)
    }

    /// The value of one hex digit's ASCII code, if it is one.
    private static func hexValue(_ code: UInt8) -> UInt8? {
        switch code {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): code - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): code - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): code - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension Currency {
    /// Parses a currency code read from `table.column`.
    static func decode(_ code: String?, _ table: String, _ column: String) throws(StoreError) -> Currency {
        try decodeValidated(code, table, column) { text throws(ValidationError) in try Currency(code: text) }
    }
}

extension Money {
    /// Rebuilds an amount from its two columns.
    static func decode(_ minor: Int64?, _ currency: String?, _ table: String, _ column: String) throws(StoreError) -> Money {
        guard let minor else { throw StoreError.corrupt(table, column + "_minor", "is NULL") }
        return Money(minorUnits: minor, currency: try Currency.decode(currency, table, column + "_currency"))
    }
}

extension CalendarDay {
    /// Parses a day read from `table.column`.
    static func decode(_ text: String?, _ table: String, _ column: String) throws(StoreError) -> CalendarDay {
        try decodeValidated(text, table, column) { text throws(ValidationError) in try CalendarDay(parsing: text) }
    }
}

extension Date {
    /// Milliseconds since 1970-01-01 UTC, rounded to the nearest.
    var sqlMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    /// The instant `milliseconds` after 1970-01-01 UTC.
    init(sqlMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

/// Parses text read from `table.column` with the model's own parser (NULL reads as
/// empty text); a value the model refuses is a corrupt column, with the model's reason.
func decodeValidated<Value>(_ text: String?, _ table: String, _ column: String,
                            _ parse: (String) throws(ValidationError) -> Value) throws(StoreError) -> Value {
    do throws(ValidationError) {
        return try parse(text ?? "")
    } catch {
        throw StoreError.corrupt(table, column, error.reason)
    }
}

/// Parses a raw value (an enum case name) read from `table.column`.
func decodeEnum<E: RawRepresentable>(_ text: String?, _ table: String, _ column: String) throws(StoreError) -> E
where E.RawValue == String {
    guard let text, let value = E(rawValue: text) else {
        throw StoreError.corrupt(table, column, "\(text.map { "\"\($0)\"" } ?? "NULL") is not a known value")
    }
    return value
}
