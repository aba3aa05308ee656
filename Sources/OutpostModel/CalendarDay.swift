/// A date without a time of day, such as an opportunity's close date: `2026-11-24`.
public struct CalendarDay: Hashable, Sendable, Comparable, ParsedText {
    public static var textField: String { "date" }

    public let year: Int
    public let month: Int
    public let day: Int

    /// - Throws: `ValidationError` when the date does not exist in the Gregorian calendar.
    public init(year: Int, month: Int, day: Int, field: String = "date") throws(ValidationError) {
        guard (1900...2999).contains(year), (1...12).contains(month),
              (1...CalendarDay.daysIn(month: month, year: year)).contains(day) else {
            throw ValidationError(.outOfRange, field: field, "\(year)-\(month)-\(day) is not a date between 1900 and 2999")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init(parsing text: String, field: String = textField) throws(ValidationError) {
        let parts = text.trimmingWhitespace.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw ValidationError(.badFormat, field: field, "must be a date as YYYY-MM-DD (got \"\(text)\")")
        }
        do {
            try self.init(year: year, month: month, day: day, field: field)
        } catch {
            // Echo the text as given (`2026-02-30`), not as the numbers it holds.
            throw ValidationError(.outOfRange, field: field,
                                  "\(text.trimmingWhitespace) is not a date between 1900-01-01 and 2999-12-31; check the month and the day")
        }
    }

    /// Days since 1970-01-01 (negative before), for arithmetic and compact storage.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day `daysSinceEpoch` days after 1970-01-01.
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay { CalendarDay(daysSinceEpoch: daysSinceEpoch + count) }

    /// The quarter (1...4) the day falls in.
    public var quarter: Int { (month - 1) / 3 + 1 }

    public var description: String {
        let pad: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
