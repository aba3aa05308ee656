import Foundation
import OutpostModel
import OutpostStore
import OutpostSQLite
import Testing

@Suite("References, duplicates and batch atomicity")
struct IntegrityTests {
    let company: SampleCompany
    let store: SQLiteStore

    init() async throws {
        company = try SampleCompany()
        store = try await company.store()
    }

    /// Inserts `batch` expecting a failure with `code`; checks nothing was written.
    func expectRefused(_ batch: RecordBatch, _ code: StoreError.Code, mentioning words: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let before = try await store.counts()
        let sequence = try await store.currentChangeSequence()
        let error = await storeError { () async throws(StoreError) in try await store.insert(batch) }
        #expect(error?.code == code, "\(error?.message ?? "no error")", sourceLocation: sourceLocation)
        for word in words {
            #expect(error?.message.contains(word) == true, "\(error?.message ?? "") should mention \(word)",
                    sourceLocation: sourceLocation)
        }
        #expect(try await store.counts() == before, "a refused batch writes nothing", sourceLocation: sourceLocation)
        #expect(try await store.currentChangeSequence() == sequence, sourceLocation: sourceLocation)
    }

    @Test func contactOfMissingAccountIsNamed() async throws {
        let ghost = AccountID()
        let orphan = Contact(accountID: ghost, firstName: "No", lastName: "Body")
        var batch = RecordBatch()
        batch.accounts = [Account(territoryID: company.dach.id, name: "Fine GmbH")]
        batch.contacts = [Contact(accountID: company.acme.id, firstName: "Ok", lastName: "Fine"), orphan]
        try await expectRefused(batch, .missingReference,
                                mentioning: ["contact \(orphan.id)", "account \(ghost)", "does not exist", "nothing"])
    }

    @Test func everyKindOfMissingReferenceIsRefused() async throws {
        let missingTerritory = TerritoryID()
        let missingUser = UserID()
        var batches: [(RecordBatch, String)] = []
        var batch = RecordBatch()
        batch.territories = [Territory(name: "Orphan", parentID: missingTerritory)]
        batches.append((batch, "parent territory \(missingTerritory)"))
        batch = RecordBatch()
        batch.users = [User(name: "x", displayName: "X", role: .rep, territoryIDs: [missingTerritory])]
        batches.append((batch, "territory \(missingTerritory)"))
        batch = RecordBatch()
        batch.accounts = [Account(territoryID: missingTerritory, name: "A")]
        batches.append((batch, "territory \(missingTerritory)"))
        batch = RecordBatch()
        batch.leads = [Lead(territoryID: missingTerritory, company: "C", firstName: "F", lastName: "L")]
        batches.append((batch, "territory \(missingTerritory)"))
        batch = RecordBatch()
        batch.opportunities = [Opportunity(accountID: company.acme.id, ownerID: missingUser, name: "O",
                                           stage: .proposal, amount: .zero(.eur), closeDate: try CalendarDay(parsing: "2026-01-01"))]
        batches.append((batch, "owner user \(missingUser)"))
        let missingContact = ContactID()
        batch = RecordBatch()
        batch.activities = [Activity(kind: .task, subject: "S", day: try CalendarDay(parsing: "2026-01-01"),
                                     accountID: company.acme.id, contactID: missingContact, ownerID: company.ana.id)]
        batches.append((batch, "contact \(missingContact)"))
        let missingProduct = ProductID()
        batch = RecordBatch()
        batch.productOptions = [ProductOption(productID: missingProduct, code: "c", name: "N", price: .zero(.eur))]
        batches.append((batch, "product \(missingProduct)"))
        batch = RecordBatch()
        batch.priceBooks = [PriceBook(name: "B", currency: .eur, entries: [missingProduct: .zero(.eur)])]
        batches.append((batch, "product \(missingProduct)"))
        batch = RecordBatch()
        batch.configuratorModels = [ConfiguratorModel(productID: missingProduct, variableCount: 1, clauses: [[1]])]
        batches.append((batch, "product \(missingProduct)"))
        batch = RecordBatch()
        batch.forecastSubmissions = [ForecastSubmission(ownerID: missingUser, territoryID: company.dach.id,
                                                        period: .quarter(year: 2026, quarter: 1), amounts: [:])]
        batches.append((batch, "owner user \(missingUser)"))
        for (batch, mention) in batches {
            try await expectRefused(batch, .missingReference, mentioning: [mention])
        }
    }

    @Test func oneBadRowInABigBatchLeavesEverythingUnchanged() async throws {
        var batch = RecordBatch()
        let territory = Territory(name: "Big")
        batch.territories = [territory]
        batch.accounts = (0..<500).map { Account(territoryID: territory.id, name: "Account \($0)") }
        batch.contacts = batch.accounts.map { Contact(accountID: $0.id, firstName: "F", lastName: "L") }
        batch.contacts[250].accountID = AccountID()
        try await expectRefused(batch, .missingReference, mentioning: ["contact \(batch.contacts[250].id)"])
        #expect(try await store.territories().contains(territory) == false)
    }

    @Test func duplicateIdsAreRefused() async throws {
        var batch = RecordBatch()
        var again = company.acme
        again.name = "Acme again"
        batch.accounts = [again]
        try await expectRefused(batch, .duplicate, mentioning: ["account \(company.acme.id) already exists"])

        batch = RecordBatch()
        let twin = Account(territoryID: company.dach.id, name: "Twin")
        batch.accounts = [twin, twin]
        try await expectRefused(batch, .duplicate, mentioning: ["account \(twin.id)"])

        let device = Device(userID: company.ana.id, label: "d")
        try await store.addDevice(device)
        let error = await storeError { () async throws(StoreError) in try await store.addDevice(device) }
        #expect(error?.code == .duplicate)
        #expect(try await store.devices().count == 1)
    }

    @Test func uniqueNamesAreRefused() async throws {
        var batch = RecordBatch()
        batch.territories = [Territory(name: "Bavaria")]
        try await expectRefused(batch, .duplicate, mentioning: ["name \"Bavaria\""])
        batch = RecordBatch()
        batch.users = [User(name: "ana.lopez", displayName: "Other Ana", role: .rep)]
        try await expectRefused(batch, .duplicate, mentioning: ["name \"ana.lopez\""])
        batch = RecordBatch()
        batch.products = [Product(sku: "PC-RICHMOND", name: "Copy", basePrice: .zero(.eur))]
        try await expectRefused(batch, .duplicate, mentioning: ["SKU \"PC-RICHMOND\""])
        batch = RecordBatch()
        batch.productOptions = [ProductOption(productID: company.laptop.id, code: "cpu-i7", name: "Copy", price: .zero(.eur))]
        try await expectRefused(batch, .duplicate, mentioning: ["code \"cpu-i7\""])
        batch = RecordBatch()
        batch.configuratorModels = [company.model]
        try await expectRefused(batch, .duplicate)
    }

    @Test func invalidRecordsAreRefusedBeforeWriting() async throws {
        var batch = RecordBatch()
        batch.accounts = [Account(territoryID: company.dach.id, name: "Fine"),
                          Account(territoryID: company.dach.id, name: "  ")]
        try await expectRefused(batch, .invalid, mentioning: ["name"])
        batch = RecordBatch()
        batch.configuratorModels = [ConfiguratorModel(productID: company.laptop.id, variableCount: 2, clauses: [[1, 0, 2]])]
        try await expectRefused(batch, .invalid, mentioning: ["literal 0"])
    }

    @Test func cyclesInsideABatchAreRefused() async throws {
        let a = TerritoryID()
        let b = TerritoryID()
        var batch = RecordBatch()
        batch.territories = [Territory(id: a, name: "A", parentID: b), Territory(id: b, name: "B", parentID: a)]
        try await expectRefused(batch, .invalid, mentioning: ["cycle"])
    }

    @Test func movingATerritoryUnderItsOwnSubtreeIsRefused() async throws {
        for target in [company.bavaria.id, company.dach.id, company.emea.id] {
            let error = await storeError { () async throws(StoreError) in
                try await store.moveTerritory(company.emea.id, under: target)
            }
            #expect(error?.code == .invalid)
            #expect(error?.message.contains(target == company.emea.id ? "own parent" : "cycle") == true)
        }
        #expect(try await store.territories() == [company.world, company.emea, company.dach, company.bavaria])
    }

    @Test func movingATerritoryElsewhereWorks() async throws {
        try await store.moveTerritory(company.bavaria.id, under: company.emea.id)
        var moved = company.bavaria
        moved.parentID = company.emea.id
        #expect(try await store.territories() == [company.world, company.emea, moved, company.dach])

        try await store.moveTerritory(company.dach.id, under: nil)
        var root = company.dach
        root.parentID = nil
        #expect(try await store.territories() == [root, company.world, company.emea, moved])
    }

    @Test func movingUnknownTerritoriesIsNotFound() async throws {
        let unknown = await storeError { () async throws(StoreError) in
            try await store.moveTerritory(TerritoryID(), under: nil)
        }
        #expect(unknown?.code == .notFound)
        let unknownParent = await storeError { () async throws(StoreError) in
            try await store.moveTerritory(company.dach.id, under: TerritoryID())
        }
        #expect(unknownParent?.code == .notFound)
    }
}
