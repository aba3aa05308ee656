import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import Testing

@Suite("A device writes as its own user only", .serialized)
struct WriterIdentityTests {
    @Test("A rep's device cannot submit a forecast or log an activity in another user's name; in its own name it can")
    func noWritingAsSomeoneElse() async throws {
        try await LiveHub.with { hub, company in
            let device = HostileDevice(replica: try await hub.bootstrapped(company.repNorth), hub: hub)
            let commit = [ForecastCategory.commit: Money(minorUnits: 999_999_900, currency: .eur)]
            let forged = ForecastSubmission(ownerID: company.manager.id, territoryID: company.north.id,
                                            period: .quarter(year: 2026, quarter: 4), amounts: commit)
            let account = company.accounts(in: company.north)[0]
            let visit = Activity(kind: .visit, subject: "Visit", day: try CalendarDay(year: 2026, month: 11, day: 2),
                                 accountID: account.id, ownerID: company.repSouth.id)
            let own = ForecastSubmission(ownerID: company.repNorth.id, territoryID: company.north.id,
                                         period: .quarter(year: 2026, quarter: 4), amounts: commit)
            let writes = [
                try device.write(1, RecordID(forged.id), .create(type: ReplicatedKind.forecastSubmission.typeID, fields: forged.fields)),
                try device.write(2, RecordID(visit.id), .create(type: ReplicatedKind.activity.typeID, fields: visit.fields)),
                try device.write(3, RecordID(own.id), .create(type: ReplicatedKind.forecastSubmission.typeID, fields: own.fields)),
            ]
            let outcome = try #require(try await device.push(writes).get().last?.outcome)
            #expect(outcome.refusals.map(\.counter) == [1, 2])
            #expect(outcome.refusals.allSatisfy { $0.code == .readOnly && $0.message.contains("another user") })
            #expect(outcome.acks.map(\.counter) == [3])
            let submissions = try await hub.store.forecastSubmissions()
            #expect(!submissions.contains { $0.id == forged.id }, "the forged submission reached the forecast")
            #expect(submissions.contains { $0.id == own.id })
        }
    }
}
