import OutpostModel
import PropertyBased
import Testing

@Suite("Calendar days and periods")
struct CalendarDayTests {
    @Test("ISO dates parse; impossible ones are refused", arguments: [
        ("2026-11-24", true), ("2024-02-29", true), ("2026-02-29", false), ("2026-13-01", false),
        ("2026-1-5", false), ("24.11.2026", false), ("2100-02-29", false), ("2000-02-29", true),
    ])
    func parsing(text: String, valid: Bool) {
        #expect(((try? CalendarDay(parsing: text)) != nil) == valid)
    }

    @Test("Days since epoch round-trip and match known dates")
    func epoch() async throws {
        #expect(try CalendarDay(parsing: "1970-01-01").daysSinceEpoch == 0)
        #expect(try CalendarDay(parsing: "2026-11-24").daysSinceEpoch == 20_781)
        await propertyCheck(count: 2000, input: Gen.int(in: -25_000...300_000)) { days in
            let day = CalendarDay(daysSinceEpoch: days)
            #expect(day.daysSinceEpoch == days)
            #expect((try? CalendarDay(parsing: day.description)) == day)
        }
    }

    @Test("Forecast periods parse months and quarters and contain their days")
    func periods() throws {
        let q4 = try ForecastPeriod(parsing: "2026Q4")
        let november = try ForecastPeriod(parsing: "2026-11")
        let day = try CalendarDay(parsing: "2026-11-24")
        #expect(q4.contains(day) && november.contains(day))
        #expect(!(try ForecastPeriod(parsing: "2026Q3")).contains(day))
        #expect(q4.description == "2026Q4" && november.description == "2026-11")
        #expect(throws: ValidationError.self) { try ForecastPeriod(parsing: "2026Q5") }
        #expect(throws: ValidationError.self) { try ForecastPeriod(parsing: "Nov 2026") }
    }
}
