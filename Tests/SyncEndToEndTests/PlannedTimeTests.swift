import Foundation
import OutpostModel
import OutpostSQLite
import Testing

/// Planned activities with a due time, on the real binary.
@Suite("Activities planned for a time", .serialized)
struct PlannedTimeTests {
    @Test("plan --due takes a time; agenda orders by day then time, overdue first; the time reaches the server")
    func dueTimes() async throws {
        try await LiveHub.with { hub in
            let rep = try await CLIDevice.enrolled(hub.company.repNorth, on: hub)
            let planned = try await rep.objects(["plan", "visit", "--account", "Hamburg Account 1", "--due", "2099-06-01T09:30"])
            #expect(planned.first?["due"] as? String == "2099-06-01 09:30")
            try await rep.succeed(["plan", "call", "--account", "Hamburg Account 2", "--due", "tomorrow 10:00", "--subject", "Late call"])
            try await rep.succeed(["plan", "call", "--account", "Hamburg Account 2", "--due", "tomorrowT08:15", "--subject", "Early call"])
            try await rep.succeed(["plan", "task", "--account", "Hamburg Account 2", "--due", "tomorrow", "--subject", "Any time"])
            let day = "2020-01-01"
            try await rep.succeed(["activities", "add", "kind=task", "subject=Overdue", "day=\(day)", "account_id=Hamburg Account 1",
                                   "owner_id=\(hub.company.repNorth.name)", "done=false"])

            let week = try await rep.objects(["agenda", "--week"])
            #expect(week.map { $0["subject"] as? String } == ["Overdue", "Any time", "Early call", "Late call"], "\(week)")
            #expect(week.map { $0["time"] as? String } == [nil, nil, "08:15", "10:00"])
            #expect(week.first?["overdue"] as? Bool == true)
            let table = try await rep.succeed(["agenda", "--week"])
            #expect(table.contains("08:15") && table.contains("\(day) overdue"), "\(table)")

            let badTime = try await rep.run(["plan", "visit", "--account", "Hamburg Account 1", "--due", "2099-06-01T25:00"])
            #expect(badTime.status != 0 && badTime.errors.contains("write it as 09:30"), "\(badTime.errors)")

            try await rep.succeed(["sync"])
            let stored = try await hub.store.activities(of: nil)
            #expect(stored.contains { $0.day.description == "2099-06-01" && $0.time?.description == "09:30" })
        }
    }
}
