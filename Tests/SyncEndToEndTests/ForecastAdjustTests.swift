import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import Testing

/// A manager adjusts any rep of their territories, submitted or not.
@Suite("Forecast adjustments without a submission", .serialized)
struct ForecastAdjustTests {
    /// The columns of the `@REP` row under the territory: CUR, CLOSED, COMMIT, BEST, PIPE, SUB.CMT, ADJ.CMT, …
    func repRow(_ table: String, _ rep: String) throws -> [Substring] {
        let row = try #require(table.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("@" + rep) }, "\(table)")
        return row.split(separator: " ")
    }

    @Test("a manager adjusts a rep who has not submitted; the hub takes it, and it holds for the rep's later submission")
    func adjustBeforeSubmission() async throws {
        try await LiveHub.with { hub, company in
            let manager = try await CLIDevice.enrolled(company.manager, on: hub)
            let rep = try await CLIDevice.enrolled(company.repNorth, on: hub)

            let adjusted = try await manager.succeed(["forecast", "adjust", company.repNorth.name, "--period", "2026Q4", "--commit", "95000"])
            #expect(adjusted.contains("in North"), "\(adjusted)")
            let before = try repRow(try await manager.succeed(["forecast", "--period", "2026Q4", "--territory", "North", "--reps"]),
                                    company.repNorth.name)
            #expect(before[6] == "—" && before[7] == "95.0k", "no submission, the adjusted Commit stands: \(before)")
            try await manager.succeed(["sync"])
            let stored = try await hub.store.forecastAdjustments()
            #expect(stored.contains { $0.repID == company.repNorth.id && $0.submissionID == nil && $0.amount.minorUnits == 9_500_000 })

            try await rep.succeed(["sync"])
            try await rep.succeed(["forecast", "submit", "--period", "2026Q4", "--commit", "50000", "--best-case", "60000"])
            try await rep.succeed(["sync"])
            try await manager.succeed(["sync"])
            let after = try repRow(try await manager.succeed(["forecast", "--period", "2026Q4", "--territory", "North", "--reps"]),
                                   company.repNorth.name)
            #expect(after[6] == "50.0k" && after[7] == "95.0k", "the standing adjustment holds over the submission: \(after)")
        }
    }

    @Test("a standing adjustment is in the rep's currency (here their quota's), not the manager's usual one")
    func adjustInTheRepsCurrency() async throws {
        try await LiveHub.with { hub, company in
            var batch = RecordBatch()
            batch.quotas = [Quota(userID: company.repNorth.id, territoryID: company.north.id, period: .quarter(year: 2027, quarter: 1),
                                  amount: Money(minorUnits: 2_400_000, currency: .gbp))]
            try await hub.store.insert(batch)
            let manager = try await CLIDevice.enrolled(company.manager, on: hub)
            try await manager.succeed(["forecast", "adjust", company.repNorth.name, "--period", "2027Q1", "--commit", "1000"])
            try await manager.succeed(["sync"])
            let stored = try await hub.store.forecastAdjustments()
            #expect(stored.map(\.amount) == [Money(minorUnits: 100_000, currency: .gbp)])
        }
    }
}
