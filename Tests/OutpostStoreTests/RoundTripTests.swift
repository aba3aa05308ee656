import Foundation
import OutpostModel
import OutpostStore
import OutpostSQLite
import Testing

@Suite("Round trips through a fresh migrated database")
struct RoundTripTests {
    let company: SampleCompany
    let store: SQLiteStore

    init() async throws {
        company = try SampleCompany()
        store = try await company.store()
    }

    @Test func territoriesComeBackParentsFirst() async throws {
        let territories = try await store.territories()
        #expect(territories == [company.world, company.emea, company.dach, company.bavaria])
    }

    @Test func siblingsAreOrderedByName() async throws {
        let zulu = Territory(name: "Zulu", parentID: company.emea.id)
        let alpha = Territory(name: "Alpha", parentID: company.emea.id)
        var batch = RecordBatch()
        batch.territories = [zulu, alpha]
        try await store.insert(batch)
        let names = try await store.territories().map(\.name)
        #expect(names == ["World", "EMEA", "Alpha", "DACH", "Bavaria", "Zulu"])
    }

    @Test func usersKeepTheirRoleAndTerritoryOrder() async throws {
        #expect(try await store.users() == [company.ana, company.boss])
        #expect(try await store.user(named: "ana.lopez") == company.ana)
        #expect(try await store.user(named: "nobody") == nil)
    }

    @Test func accountsContactsLeadsOpportunitiesActivities() async throws {
        #expect(try await store.accounts(in: nil) == [company.acme, company.globex])
        #expect(try await store.contacts(of: nil) == [company.dieter, company.carla])
        #expect(try await store.leads(in: nil) == [company.lead])
        #expect(try await store.opportunities(of: nil) == [company.deal])
        #expect(try await store.activities(of: nil) == [company.visit, company.call])
    }

    @Test func catalogPriceBooksAndModels() async throws {
        #expect(try await store.products() == [company.laptop])
        #expect(try await store.productOptions(of: company.laptop.id) == [company.cpu, company.ram])
        #expect(try await store.priceBooks() == [company.book])
        #expect(try await store.configuratorModel(of: company.laptop.id) == company.model)
        #expect(try await store.configuratorModel(of: ProductID()) == nil)
    }

    @Test func forecastSubmissionsKeepEveryCategory() async throws {
        #expect(try await store.forecastSubmissions() == [company.forecast])
    }

    @Test func devicesAndEnrolmentCodes() async throws {
        let device = Device(userID: company.ana.id, label: "ana-handheld", publicKey: Array(0...31),
                            enrolledAt: instant(1_780_000_000_123), lastSyncAt: instant(1_780_000_100_000))
        let bare = Device(userID: company.boss.id, label: "boss-laptop")
        try await store.addDevice(bare)
        try await store.addDevice(device)
        #expect(try await store.devices() == [device, bare])

        let code = EnrolmentCode(codeHash: "hash-1", userID: company.ana.id, expiresAt: instant(1_780_000_900_000))
        try await store.addEnrolmentCode(code)
        let redeemed = try await store.redeemEnrolmentCode(hash: "hash-1", now: instant(1_780_000_000_000))
        #expect(redeemed == EnrolmentCode(codeHash: "hash-1", userID: company.ana.id, expiresAt: code.expiresAt,
                                          usedAt: instant(1_780_000_000_000)))
    }

    @Test func arbitraryDatesComeBackWithinAMillisecond() async throws {
        let now = Date()
        let device = Device(userID: company.ana.id, label: "now", enrolledAt: now)
        try await store.addDevice(device)
        let stored = try #require(try await store.devices().first?.enrolledAt)
        #expect(abs(stored.timeIntervalSince(now)) < 0.001)
    }

    @Test func filtersSelectBySet() async throws {
        #expect(try await store.accounts(in: [company.bavaria.id]) == [company.acme])
        #expect(try await store.accounts(in: []) == [])
        #expect(try await store.contacts(of: [company.globex.id]) == [company.dieter])
        #expect(try await store.opportunities(of: [company.globex.id]) == [])
        #expect(try await store.leads(in: [company.dach.id]) == [])
        #expect(try await store.activities(of: [company.globex.id]) == [company.call])
    }

    @Test func nameSearchIgnoresCaseAndUsesPrefixes() async throws {
        #expect(try await store.searchAccounts(namePrefix: "ACME") == [company.acme])
        #expect(try await store.searchAccounts(namePrefix: "Glo") == [company.globex])
        #expect(try await store.searchAccounts(namePrefix: "") == [company.acme, company.globex])
        #expect(try await store.searchAccounts(namePrefix: "cme") == [])
        #expect(try await store.searchAccounts(namePrefix: "a", in: [company.dach.id]) == [])
        #expect(try await store.searchAccounts(namePrefix: "", limit: 1) == [company.acme])
        #expect(try await store.contacts(withEmail: "carla.meier@ACME.example") == [company.carla])
    }

    @Test func countsSeeEveryKind() async throws {
        try await store.addDevice(Device(userID: company.ana.id, label: "d"))
        var expected = RecordCounts()
        expected.territories = 4
        expected.users = 2
        expected.devices = 1
        expected.accounts = 2
        expected.contacts = 2
        expected.leads = 1
        expected.opportunities = 1
        expected.activities = 2
        expected.products = 1
        expected.productOptions = 2
        expected.priceBooks = 1
        expected.configuratorModels = 1
        expected.forecastSubmissions = 1
        #expect(try await store.counts() == expected)
        #expect(try await SQLiteStore.temporary().counts() == RecordCounts())
    }

    @Test func assignReplacesTerritoriesInOrder() async throws {
        try await store.assign(company.ana.id, to: [company.world.id, company.bavaria.id])
        #expect(try await store.user(named: "ana.lopez")?.territoryIDs == [company.world.id, company.bavaria.id])
        try await store.assign(company.ana.id, to: [])
        #expect(try await store.user(named: "ana.lopez")?.territoryIDs == [])
        let unknownUser = await storeError { () async throws(StoreError) in try await store.assign(UserID(), to: []) }
        #expect(unknownUser?.code == .notFound)
        let unknownTerritory = await storeError { () async throws(StoreError) in
            try await store.assign(company.ana.id, to: [TerritoryID()])
        }
        #expect(unknownTerritory?.code == .missingReference)
        let twice = await storeError { () async throws(StoreError) in
            try await store.assign(company.ana.id, to: [company.world.id, company.world.id])
        }
        #expect(twice?.code == .invalid)
        #expect(try await store.user(named: "ana.lopez")?.territoryIDs == [], "failed assignments change nothing")
    }
}

@Test func idsAreStoredAsTheirLowerCaseText() async throws {
    let company = try SampleCompany()
    let store = try await company.store()
    let ids = Set(try await store.changes(since: 0).map(\.id))
    #expect(ids.contains(company.acme.id.description))
    #expect(ids.allSatisfy { $0 == $0.lowercased() && $0.count == 36 })
    let fixed = try AccountID(parsing: "3F2B8C4E-1D2A-4B6F-9E1A-0C5D7E9F1A2B")
    var batch = RecordBatch()
    batch.accounts = [Account(id: fixed, territoryID: company.dach.id, name: "Fixed")]
    try await store.insert(batch)
    #expect(try await store.changes(since: 0, limit: 100).last?.id == "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")
}
