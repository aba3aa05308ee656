import ByteCoding
import MergeEngine
import OutpostModel

/// What a field decoder may need beyond its own value: the record's currency.
struct DecodingContext {
    /// The record's `currency` field, decoded first; `nil` when the record has none
    /// or it is `.null`.
    var currency: Currency?

    /// The currency money values are in.
    func requireCurrency() throws(FieldProblem) -> Currency {
        guard let currency else {
            throw FieldProblem(.missingField, "holds money but the record's currency field is missing or null; write the currency together with the amounts")
        }
        return currency
    }
}

/// Maps one domain value to a non-null ``FieldValue`` and back.
struct FieldMapping<Value>: Sendable {
    let valueCase: FieldValueCase
    /// How people read and type the value.
    let text: TextForm<Value>
    let encode: @Sendable (Value) -> FieldValue
    let decode: @Sendable (FieldValue, DecodingContext) throws(FieldProblem) -> Value
}

extension FieldMapping where Value == String {
    /// `.string`.
    static var string: FieldMapping { .textForm(.string) }
}

extension FieldMapping where Value == Int {
    /// `.int`.
    static var int: FieldMapping {
        FieldMapping(valueCase: .int, text: .int, encode: { .int(Int64($0)) }) { value, _ throws(FieldProblem) in
            guard case .int(let number) = value else { throw .wrongCase(value, expected: .int) }
            guard let int = Int(exactly: number) else { throw .invalid("is \(number), which does not fit this platform's integers") }
            return int
        }
    }
}

extension FieldMapping where Value == Bool {
    /// `.bool`.
    static var bool: FieldMapping {
        FieldMapping(valueCase: .bool, text: .bool, encode: { .bool($0) }) { value, _ throws(FieldProblem) in
            guard case .bool(let flag) = value else { throw .wrongCase(value, expected: .bool) }
            return flag
        }
    }
}

extension FieldMapping where Value == CalendarDay {
    /// Days since 1970-01-01 as `.int`, within the model's years 1900...2999.
    static var day: FieldMapping {
        FieldMapping(valueCase: .int, text: .day, encode: { .int(Int64($0.daysSinceEpoch)) }) { value, _ throws(FieldProblem) in
            guard case .int(let days) = value else { throw .wrongCase(value, expected: .int) }
            guard let days = Int(exactly: days), CalendarDay.replicableDays.contains(days) else {
                throw .invalid("is day \(days) since 1970-01-01, outside the years 1900...2999")
            }
            return CalendarDay(daysSinceEpoch: days)
        }
    }
}

extension CalendarDay {
    /// The days since the epoch of 1900-01-01...2999-12-31, the days the model accepts.
    static let replicableDays: ClosedRange<Int> = {
        let first = try! CalendarDay(year: 1900, month: 1, day: 1)
        let last = try! CalendarDay(year: 2999, month: 12, day: 31)
        return first.daysSinceEpoch...last.daysSinceEpoch
    }()
}

extension FieldMapping where Value == Currency {
    /// The ISO 4217 code as `.string`.
    static var currency: FieldMapping {
        .textForm(.currency)
    }
}

extension FieldMapping where Value == Money {
    /// `.decimal(units: minorUnits, scale: currency.scale)`; the currency is the
    /// record's `currency` field, and the scale must match it.
    static var money: FieldMapping {
        FieldMapping(valueCase: .decimal, text: .money, encode: { .decimal(units: $0.minorUnits, scale: UInt8($0.currency.scale)) }) {
            value, context throws(FieldProblem) in
            guard case .decimal(let units, let scale) = value else { throw .wrongCase(value, expected: .decimal) }
            let currency = try context.requireCurrency()
            guard Int(scale) == currency.scale else {
                throw .invalid("has \(scale) decimal places but \(currency.code) has \(currency.scale); amount and currency were written apart, write them together")
            }
            return Money(minorUnits: units, currency: currency)
        }
    }
}

extension FieldMapping where Value == EmailAddress {
    /// The address as `.string`.
    static var email: FieldMapping {
        .textForm(.email)
    }
}

extension FieldMapping where Value == ForecastPeriod {
    /// `2026-11` or `2026Q4` as `.string`.
    static var period: FieldMapping {
        .textForm(.period)
    }
}

extension FieldMapping where Value == TimeOfDay {
    /// `09:30` as `.string`.
    static var time: FieldMapping {
        .textForm(.time)
    }
}

extension FieldMapping {
    /// A value as its text form in `.string`, written with `form.format` and read with
    /// `form.parse`, so the wire and the CLI agree on what is valid.
    static func textForm(_ form: TextForm<Value>) -> FieldMapping {
        FieldMapping(valueCase: .string, text: form, encode: { .string(form.format($0)) }) { value, context throws(FieldProblem) in
            guard case .string(let text) = value else { throw .wrongCase(value, expected: .string) }
            return try form.parse(text, context)
        }
    }

    /// An entity reference as its 16 UUID bytes (RFC 4122 order) in `.bytes`.
    static func reference<Entity>() -> FieldMapping where Value == EntityID<Entity> {
        FieldMapping(valueCase: .bytes, text: .reference(), encode: { .bytes(RecordID($0).bytes) }) { value, _ throws(FieldProblem) in
            guard case .bytes(let bytes) = value else { throw .wrongCase(value, expected: .bytes) }
            guard let id = try? RecordID(bytes: bytes) else {
                throw .invalid("must be a 16-byte UUID but has \(bytes.count) bytes")
            }
            return EntityID(id)
        }
    }

    /// A string-backed enum as its raw value in `.string`.
    static func enumeration() -> FieldMapping where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
        FieldMapping(valueCase: .string, text: .enumeration(), encode: { .string($0.rawValue) }) { value, _ throws(FieldProblem) in
            guard case .string(let text) = value else { throw .wrongCase(value, expected: .string) }
            guard let result = Value(rawValue: text) else {
                let valid = Value.allCases.map(\.rawValue).joined(separator: ", ")
                throw .invalid("must be one of \(valid) (got \"\(text)\")")
            }
            return result
        }
    }

    /// A value laid out as bytes by `layout` (see `Protocol/RECORDS.md`), in `.bytes`.
    static func bytes(_ layout: ByteLayout<Value>) -> FieldMapping {
        FieldMapping(valueCase: .bytes, text: layout.text, encode: { value in
            var writer = ByteWriter()
            layout.write(value, &writer)
            return .bytes(writer.bytes)
        }) { value, context throws(FieldProblem) in
            guard case .bytes(let bytes) = value else { throw .wrongCase(value, expected: .bytes) }
            var reader = ByteReader<FieldProblem>(bytes)
            let result = try layout.read(&reader, context)
            try reader.expectEnd(of: "last element")
            return result
        }
    }
}

extension FieldMapping where Value == OrderNumber {
    /// The order number's value as `.int`, at least 1; text `SO-000123`.
    static var orderNumber: FieldMapping {
        FieldMapping(valueCase: .int,
                   text: .validated(hint: "an order number such as SO-000123", format: \.description) {
                       text throws(ValidationError) in try OrderNumber(parsing: text)
                   },
                   encode: { .int(Int64($0.value)) }) { value, _ throws(FieldProblem) in
            guard case .int(let number) = value else { throw .wrongCase(value, expected: .int) }
            guard number >= 1, let int = Int(exactly: number) else { throw .invalid("must be at least 1 (got \(number))") }
            return OrderNumber(int)
        }
    }
}
