/// A time of day to the minute, `09:30`, in the device's local time (like ``CalendarDay``).
public struct TimeOfDay: Hashable, Sendable, Comparable, ParsedText {
    public static var textField: String { "time" }

    /// Minutes since midnight, 0...1439.
    public let minutes: Int

    /// - Throws: `.outOfRange` outside 00:00...23:59.
    public init(hour: Int, minute: Int) throws(ValidationError) {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw ValidationError(.outOfRange, field: "time", "must be a time from 00:00 to 23:59 (got \(hour):\(minute))")
        }
        minutes = hour * 60 + minute
    }

    /// Parses `HH:MM` (24-hour clock, `9:30` too).
    /// - Throws: `.badFormat` or `.outOfRange`, naming `field`.
    public init(parsing text: String, field: String = textField) throws(ValidationError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]) else {
            throw ValidationError(.badFormat, field: field, "must be a time such as 09:30 (got \"\(text)\")")
        }
        do { try self.init(hour: hour, minute: minute) } catch {
            throw ValidationError(.outOfRange, field: field, "must be a time from 00:00 to 23:59 (got \"\(text)\")")
        }
    }

    /// `09:30`.
    public var description: String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}
