import Foundation
import OutpostModel

/// The calendar day on this device's clock, in its time zone.
enum Today {
    static var day: CalendarDay {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return (try? CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? CalendarDay(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
    }

    /// The calendar day in UTC: what needs a day but not the device's own (near midnight
    /// the two differ), without loading the time-zone tables, which cost about 4 MB of
    /// memory (a bootstrap's peak stays under 40 MB).
    static var dayInUTC: CalendarDay { CalendarDay(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))) }

    /// The time of day on this device's clock, to the minute.
    static var time: TimeOfDay {
        let parts = Calendar.current.dateComponents([.hour, .minute], from: Date())
        return (try? TimeOfDay(hour: parts.hour ?? 0, minute: parts.minute ?? 0)) ?? (try! TimeOfDay(hour: 0, minute: 0))
    }

    /// Parses `this-quarter`, `next-quarter`, `this-month`, `2026Q4` or `2026-11`.
    static func period(_ text: String) throws -> ForecastPeriod {
        let today = day
        switch text.lowercased() {
        case "this-quarter": return .quarter(of: today)
        case "this-month": return .month(of: today)
        case "next-quarter":
            return today.quarter == 4 ? .quarter(year: today.year + 1, quarter: 1) : .quarter(year: today.year, quarter: today.quarter + 1)
        default:
            do { return try ForecastPeriod(parsing: text) } catch {
                throw ValidationError(.badFormat, field: "period",
                                      "must be this-quarter, next-quarter, this-month, 2026Q4 or 2026-11 (got \"\(text)\")")
            }
        }
    }
}
