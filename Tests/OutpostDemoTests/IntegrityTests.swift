import OutpostDemo
import OutpostModel
import OutpostStore
import Testing

@Suite("Demo company integrity")
struct IntegrityTests {
    static let batches: [(String, RecordBatch)] = [
        ("small", Fixtures.small),
        ("small without a PC model", DemoCompany.generate(scale: .small, seed: 3, pcModel: nil)),
        ("medium", Fixtures.medium),
    ]

    @Test("Every record passes its validation", arguments: batches)
    func validates(label: String, batch: RecordBatch) throws {
        var records: [any Validatable] = batch.territories + batch.users + batch.accounts + batch.contacts
        records += batch.leads + batch.opportunities + batch.activities
        records += batch.products + batch.productOptions + batch.priceBooks
        for record in records { try record.validate() }
        #expect(batch.contacts.allSatisfy { $0.email != nil })
    }

    @Test("Every reference resolves inside the batch and ids are unique", arguments: batches)
    func references(label: String, batch: RecordBatch) {
        let territories = Set(batch.territories.map(\.id))
        let users = Dictionary(uniqueKeysWithValues: batch.users.map { ($0.id, $0) })
        let accounts = Set(batch.accounts.map(\.id))
        let contactAccount = Dictionary(uniqueKeysWithValues: batch.contacts.map { ($0.id, $0.accountID) })
        let opportunityAccount = Dictionary(uniqueKeysWithValues: batch.opportunities.map { ($0.id, $0.accountID) })
        let products = Set(batch.products.map(\.id))

        #expect(territories.count == batch.territories.count)
        #expect(accounts.count == batch.accounts.count)
        #expect(Set(batch.territories.map(\.name)).count == batch.territories.count)
        #expect(Set(batch.users.map(\.name)).count == batch.users.count)
        #expect(batch.territories.filter { $0.parentID == nil }.map(\.name) == ["World"])
        #expect(batch.territories.allSatisfy { $0.parentID.map(territories.contains) ?? true })
        #expect(batch.users.allSatisfy { $0.territoryIDs.allSatisfy(territories.contains) })
        #expect(batch.accounts.allSatisfy { territories.contains($0.territoryID) })
        #expect(batch.leads.allSatisfy { territories.contains($0.territoryID) })
        #expect(batch.contacts.allSatisfy { accounts.contains($0.accountID) })
        #expect(batch.opportunities.allSatisfy { accounts.contains($0.accountID) && users[$0.ownerID]?.role == .rep })
        #expect(batch.activities.allSatisfy { activity in
            accounts.contains(activity.accountID) && users[activity.ownerID] != nil
                && activity.contactID.map { contactAccount[$0] == activity.accountID } ?? true
                && activity.opportunityID.map { opportunityAccount[$0] == activity.accountID } ?? true
        })
        #expect(batch.productOptions.allSatisfy { products.contains($0.productID) })
        #expect(batch.priceBooks.allSatisfy { Set($0.entries.keys) == products })
        #expect(batch.configuratorModels.allSatisfy { products.contains($0.productID) })
        #expect(batch.forecastSubmissions.allSatisfy { territories.contains($0.territoryID) && users[$0.ownerID]?.role == .rep })
    }

    @Test("Reps own their territory's records; managers sit on inner territories")
    func roles() {
        let batch = Fixtures.medium
        let tree = TerritoryTree(batch.territories)
        let users = Dictionary(uniqueKeysWithValues: batch.users.map { ($0.id, $0) })
        let accountTerritory = Dictionary(uniqueKeysWithValues: batch.accounts.map { ($0.id, $0.territoryID) })
        #expect(batch.opportunities.allSatisfy { users[$0.ownerID]!.territoryIDs == [accountTerritory[$0.accountID]!] })
        for user in batch.users {
            switch user.role {
            case .manager: #expect(user.territoryIDs.allSatisfy { !tree.children(of: $0).isEmpty })
            case .rep: #expect(user.territoryIDs.allSatisfy { tree.children(of: $0).isEmpty })
            case .desk, .admin: #expect(user.territoryIDs.isEmpty)
            }
        }
        #expect(batch.users.filter { $0.role == .desk }.map(\.name) == ["desk"])
        #expect(batch.users.filter { $0.role == .admin }.map(\.name) == ["admin"])
    }
}
