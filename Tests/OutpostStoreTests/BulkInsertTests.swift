import Foundation
import OutpostModel
import OutpostStore
import OutpostSQLite
import StoreTestSupport
import Testing

@Suite("Bulk inserts")
struct BulkInsertTests {
    /// 25,000 accounts and 25,000 contacts in one batch into a WAL file, as the demo does, all or
    /// nothing and in one change sequence run (speed is the bootstrap benchmark's business, not a test's).
    @Test func fiftyThousandRowsInOneBatch() async throws {
        let file = try ScratchFolder("outpost-store")
        defer { file.remove() }
        let store = try SQLiteStore(path: file.path("outpost.sqlite"))
        let territories = (0..<50).map { Territory(name: "T\($0)") }
        var batch = RecordBatch()
        batch.territories = territories
        batch.accounts = (0..<25_000).map { index in
            Account(territoryID: territories[index % territories.count].id, name: "Account \(index)",
                    industry: "Retail", city: "Town \(index % 97)", country: "DE", phone: "+49 \(index)")
        }
        batch.contacts = batch.accounts.map { account in
            Contact(accountID: account.id, firstName: "First", lastName: account.name,
                    email: try? EmailAddress("someone@\(account.id).example"), title: "Buyer")
        }
        try await store.insert(batch)
        let counts = try await store.counts()
        #expect(counts.accounts == 25_000)
        #expect(counts.contacts == 25_000)
        #expect(try await store.currentChangeSequence() == Int64(batch.count))
        #expect(try await store.accounts(in: [territories[0].id]).count == 500)
    }
}
