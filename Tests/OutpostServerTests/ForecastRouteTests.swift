import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OutpostModel
import OutpostSQLite
import OutpostServer
import OutpostStore
import Testing

@Suite("GET /forecast")
struct ForecastRouteTests {
    @Test("answers a territory's roll-up as JSON to a caller with the API token, and refuses no or a wrong token, a bad period or an unknown territory")
    func forecast() async throws {
        let store = try SQLiteStore.temporary()
        let north = Territory(name: "North")
        let rep = User(name: "rep.north", displayName: "Nora", role: .rep, territoryIDs: [north.id])
        let account = Account(territoryID: north.id, name: "Hamburg Account")
        var batch = RecordBatch()
        batch.territories = [north]
        batch.users = [rep]
        batch.accounts = [account]
        batch.opportunities = [Opportunity(accountID: account.id, ownerID: rep.id, name: "Deal", stage: .negotiation,
                                           amount: Money(minorUnits: 1_234_50, currency: .eur),
                                           closeDate: try CalendarDay(year: 2026, month: 12, day: 1))]
        batch.quotas = [Quota(userID: rep.id, territoryID: north.id, period: .quarter(year: 2026, quarter: 4),
                              amount: Money(minorUnits: 5_000_00, currency: .eur))]
        try await store.insert(batch)
        let app = buildApplication(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0, feedToken: "s3cret"),
                                   logger: Logger(label: "test"))
        let token: HTTPFields = [.authorization: "Bearer s3cret"]
        try await app.test(.router) { client in
            try await client.execute(uri: "/forecast?period=2026Q4&territory=North", method: .get) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/forecast?period=2026Q4&territory=North", method: .get,
                                     headers: [.authorization: "Bearer s3cre"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/forecast?period=2026Q4&territory=North", method: .get, headers: token) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"period\":\"2026Q4\""))
                #expect(body.contains("\"commit\":{\"EUR\":\"1234.50\"}"))
                #expect(body.contains("\"quota\":{\"EUR\":\"5000.00\"}"))
            }
            try await client.execute(uri: "/forecast?period=2026Q5", method: .get, headers: token) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/forecast?territory=Nowhere", method: .get, headers: token) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
