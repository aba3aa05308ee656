import OutpostModel

extension CalendarDay {
    /// The first day of the quarter `offset` quarters after (before, when negative) this day's.
    func quarterStart(offset: Int) -> CalendarDay {
        let index = year * 4 + (quarter - 1) + offset
        // Fails only beyond the years 1900...2999 that CalendarDay supports; stay on this day there.
        return (try? CalendarDay(year: index / 4, month: index % 4 * 3 + 1, day: 1)) ?? self
    }
}
