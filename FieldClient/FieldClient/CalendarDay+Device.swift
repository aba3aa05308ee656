import Foundation
public import OutpostModel

extension CalendarDay {
    /// The calendar day on this device's clock, in its time zone.
    public static var deviceToday: CalendarDay {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return (try? CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? CalendarDay(daysSinceEpoch: Int(Date().timeIntervalSince1970 / 86_400))
    }
}
