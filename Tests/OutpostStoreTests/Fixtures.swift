import Foundation
import OutpostModel
import OutpostStore
import OutpostSQLite

/// A small company touching every table, with its ids at hand for the tests.
struct SampleCompany {
    let world = Territory(name: "World")
    let emea: Territory
    let dach: Territory
    let bavaria: Territory
    let ana: User
    let boss: User
    let acme: Account
    let globex: Account
    let carla: Contact
    let dieter: Contact
    let lead: Lead
    let deal: Opportunity
    let visit: Activity
    let call: Activity
    let laptop: Product
    let cpu: ProductOption
    let ram: ProductOption
    let book: PriceBook
    let model: ConfiguratorModel
    let forecast: ForecastSubmission

    init() throws {
        emea = Territory(name: "EMEA", parentID: world.id)
        dach = Territory(name: "DACH", parentID: emea.id)
        bavaria = Territory(name: "Bavaria", parentID: dach.id)
        ana = User(name: "ana.lopez", displayName: "Ana López", role: .rep, territoryIDs: [bavaria.id, dach.id])
        boss = User(name: "max.boss", displayName: "Max Boss", role: .manager, territoryIDs: [emea.id])
        acme = Account(territoryID: bavaria.id, name: "Acme GmbH", industry: "Machinery", city: "München",
                       country: "DE", phone: "+49 89 123456", lastVisit: try CalendarDay(parsing: "2026-03-02"))
        globex = Account(territoryID: dach.id, name: "globex AG")
        carla = Contact(accountID: acme.id, firstName: "Carla", lastName: "Meier",
                        email: try EmailAddress("Carla.Meier@acme.example"), phone: "+49 89 1", title: "Head of Purchasing")
        dieter = Contact(accountID: globex.id, firstName: "Dieter", lastName: "Alt")
        lead = Lead(territoryID: bavaria.id, company: "Initech", firstName: "Peter", lastName: "Gibbons",
                    email: try EmailAddress("peter@initech.example"), status: .contacted)
        deal = Opportunity(accountID: acme.id, ownerID: ana.id, name: "Acme laptops", stage: .negotiation,
                           amount: Money(minorUnits: 1_234_550, currency: .eur), closeDate: try CalendarDay(parsing: "2026-11-24"))
        visit = Activity(kind: .visit, subject: "Demo", day: try CalendarDay(parsing: "2026-03-02"), accountID: acme.id,
                         contactID: carla.id, opportunityID: deal.id, ownerID: ana.id, done: true, notes: "went well")
        call = Activity(kind: .call, subject: "Follow up", day: try CalendarDay(parsing: "2026-03-09"),
                        accountID: globex.id, ownerID: ana.id)
        laptop = Product(sku: "PC-RICHMOND", name: "Richmond laptop", basePrice: Money(minorUnits: 99_900, currency: .eur))
        cpu = ProductOption(productID: laptop.id, code: "cpu-i7", name: "Core i7", price: Money(minorUnits: 20_000, currency: .eur),
                            variable: 1)
        ram = ProductOption(productID: laptop.id, code: "ram-32", name: "32 GB", price: Money(minorUnits: 15_000, currency: .eur))
        book = PriceBook(name: "Standard EUR", currency: .eur,
                         entries: [laptop.id: Money(minorUnits: 95_000, currency: .eur)],
                         tiers: [laptop.id: VolumeSchedule(kind: .slab, tiers: [
                             VolumeTier(fromQuantity: 1, discountBasisPoints: 0), VolumeTier(fromQuantity: 10, discountBasisPoints: 500),
                         ])],
                         approvalThresholdBasisPoints: 1_500)
        model = ConfiguratorModel(productID: laptop.id, variableCount: 3, clauses: [[1, -2], [3], [-1, 2, -3], []])
        forecast = ForecastSubmission(ownerID: ana.id, territoryID: bavaria.id, period: try ForecastPeriod(parsing: "2026Q4"),
                                      amounts: [.commit: Money(minorUnits: 500_000, currency: .eur),
                                                .bestCase: Money(minorUnits: 900_000, currency: .eur)])
    }

    /// Every record, in an order that puts children before parents on purpose.
    var batch: RecordBatch {
        var batch = RecordBatch()
        batch.territories = [bavaria, dach, world, emea]
        batch.users = [boss, ana]
        batch.accounts = [acme, globex]
        batch.contacts = [carla, dieter]
        batch.leads = [lead]
        batch.opportunities = [deal]
        batch.activities = [call, visit]
        batch.products = [laptop]
        batch.productOptions = [ram, cpu]
        batch.priceBooks = [book]
        batch.configuratorModels = [model]
        batch.forecastSubmissions = [forecast]
        return batch
    }

    /// A store holding the company.
    func store() async throws -> SQLiteStore {
        let store = try SQLiteStore.temporary()
        try await store.insert(batch)
        return store
    }
}

/// The instant `milliseconds` after 1970, exactly representable by the store.
func instant(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

/// Runs `body` and returns the `StoreError` it throws, or `nil` when it succeeds.
func storeError(_ body: () async throws(StoreError) -> Void) async -> StoreError? {
    do throws(StoreError) {
        try await body()
        return nil
    } catch {
        return error
    }
}

/// Runs `body` and returns the `StoreError` it throws, or `nil` when it succeeds.
func storeError(_ body: () throws(StoreError) -> Void) -> StoreError? {
    do throws(StoreError) {
        try body()
        return nil
    } catch {
        return error
    }
}
