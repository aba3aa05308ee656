import MergeEngine
import OutpostModel

/// How a field's value reads and is typed by people: `2026-11-24` for a day,
/// `1234.50` for money in the record's currency. `Protocol/RECORDS.md` lists every
/// form; `parse(format(v)) == v` for every valid value.
struct TextForm<Value>: Sendable {
    /// What the text looks like, for help text: `YYYY-MM-DD`.
    let hint: String
    /// Whether empty text is a value of its own (an empty list) rather than "no value".
    let readsEmpty: Bool
    let format: @Sendable (Value) -> String
    let parse: @Sendable (String, DecodingContext) throws(FieldProblem) -> Value

    init(hint: String, readsEmpty: Bool = false, format: @escaping @Sendable (Value) -> String,
         parse: @escaping @Sendable (String, DecodingContext) throws(FieldProblem) -> Value) {
        self.hint = hint
        self.readsEmpty = readsEmpty
        self.format = format
        self.parse = parse
    }

    /// The form of a model type that formats with `description` and parses with a
    /// throwing initializer, reporting the model's reason.
    static func validated(
        hint: String, format: @escaping @Sendable (Value) -> String,
        parse: @escaping @Sendable (String) throws(ValidationError) -> Value
    ) -> TextForm {
        TextForm(hint: hint, format: format) { text, _ throws(FieldProblem) in
            do throws(ValidationError) { return try parse(text) } catch { throw .invalid(error.reason) }
        }
    }
}

extension TextForm where Value == String {
    /// The text itself.
    static var string: TextForm { TextForm(hint: "text", format: { $0 }, parse: { text, _ in text }) }
}

extension TextForm where Value == Int {
    /// A decimal whole number: `42`, `-7`.
    static var int: TextForm {
        TextForm(hint: "a whole number", format: { String($0) }) { text, _ throws(FieldProblem) in
            guard let number = Int(text) else { throw .invalid("must be a whole number such as 42 (got \"\(text)\")") }
            return number
        }
    }
}

extension TextForm where Value == Bool {
    /// `yes` or `no` (`true` and `false` are read too).
    static var bool: TextForm {
        TextForm(hint: "yes or no", format: { $0 ? "yes" : "no" }) { text, _ throws(FieldProblem) in
            switch text {
            case "yes", "true": return true
            case "no", "false": return false
            default: throw .invalid("must be yes or no (got \"\(text)\")")
            }
        }
    }
}

extension TextForm where Value == CalendarDay {
    /// Exactly `YYYY-MM-DD`: ten characters, no spaces, signs or short forms.
    static var day: TextForm {
        TextForm(hint: "YYYY-MM-DD", format: \.description) { text, _ throws(FieldProblem) in
            let chars = Array(text.utf8)
            let isDigit: (UInt8) -> Bool = { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
            guard chars.count == 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
                  chars.indices.allSatisfy({ $0 == 4 || $0 == 7 || isDigit(chars[$0]) }) else {
                throw .invalid("must be a day as YYYY-MM-DD, such as 2026-11-24 (got \"\(text)\")")
            }
            let number: (Range<Int>) -> Int = { chars[$0].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) } }
            do throws(ValidationError) {
                return try CalendarDay(year: number(0..<4), month: number(5..<7), day: number(8..<10))
            } catch {
                throw .invalid(error.reason)
            }
        }
    }
}

extension TextForm where Value == Currency {
    /// The ISO 4217 code: `EUR`.
    static var currency: TextForm { .validated(hint: "an ISO 4217 code such as EUR", format: \.code) { text throws(ValidationError) in try Currency(code: text) } }
}

extension TextForm where Value == EmailAddress {
    /// The address: `ana@acme.example`.
    static var email: TextForm { .validated(hint: "name@example.com", format: \.value) { text throws(ValidationError) in try EmailAddress(text) } }
}

extension TextForm where Value == ForecastPeriod {
    /// `2026-11` or `2026Q4`.
    static var period: TextForm {
        .validated(hint: "2026-11 or 2026Q4", format: \.description) { text throws(ValidationError) in try ForecastPeriod(parsing: text) }
    }
}

extension TextForm where Value == TimeOfDay {
    /// `09:30`.
    static var time: TextForm {
        .validated(hint: "a time such as 09:30", format: \.description) { text throws(ValidationError) in try TimeOfDay(parsing: text) }
    }
}

extension TextForm where Value == Money {
    /// A plain decimal with at most the currency's places, `1234.50`; the currency is
    /// the record's `currency` field.
    static var money: TextForm {
        TextForm(hint: "an amount such as 1234.50 in the record's currency", format: \.decimalString) {
            text, context throws(FieldProblem) in
            try Money(exactly: text, currency: context.requireCurrency())
        }
    }
}

extension TextForm {
    /// The lower-case UUID: `3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b`.
    static func reference<Entity>() -> TextForm where Value == EntityID<Entity> {
        .validated(hint: "a UUID", format: \.description) { text throws(ValidationError) in try EntityID(parsing: text) }
    }

    /// The raw value: `closed_won`.
    static func enumeration() -> TextForm where Value: RawRepresentable & CaseIterable & Sendable, Value.RawValue == String {
        let valid = Value.allCases.map(\.rawValue).joined(separator: ", ")
        return TextForm(hint: "one of \(valid)", format: \.rawValue) { text, _ throws(FieldProblem) in
            guard let value = Value(rawValue: text) else { throw .invalid("must be one of \(valid) (got \"\(text)\")") }
            return value
        }
    }
}
