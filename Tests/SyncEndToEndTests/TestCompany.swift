import OutpostModel
import OutpostStore

/// A small company for end-to-end tests: Europe with North and South below it, a rep
/// in each, a manager over Europe, accounts with contacts and opportunities in both
/// territories, and a product (global data).
struct TestCompany: Sendable {
    let europe = Territory(name: "Europe")
    let north: Territory
    let south: Territory
    let repNorth: User
    let repSouth: User
    let manager: User
    let accounts: [Account]
    let contacts: [Contact]
    let opportunities: [Opportunity]
    let product = Product(sku: "PC-1", name: "Workstation", basePrice: Money(minorUnits: 129_900, currency: .eur))

    init() {
        north = Territory(name: "North", parentID: europe.id)
        south = Territory(name: "South", parentID: europe.id)
        repNorth = User(name: "rep.north", displayName: "Nora North", role: .rep, territoryIDs: [north.id])
        repSouth = User(name: "rep.south", displayName: "Sam South", role: .rep, territoryIDs: [south.id])
        manager = User(name: "boss", displayName: "Maria Boss", role: .manager, territoryIDs: [europe.id])
        var accounts: [Account] = []
        var contacts: [Contact] = []
        var opportunities: [Opportunity] = []
        for (territory, city) in [(north, "Hamburg"), (south, "Munich")] {
            for number in 1...3 {
                let account = Account(territoryID: territory.id, name: "\(city) Account \(number)", city: city, country: "DE")
                accounts.append(account)
                contacts.append(Contact(accountID: account.id, firstName: "Ana", lastName: "Number\(number)"))
                contacts.append(Contact(accountID: account.id, firstName: "Ben", lastName: "Number\(number)"))
                opportunities.append(Opportunity(
                    accountID: account.id, ownerID: territory.id == north.id ? repNorth.id : repSouth.id, name: "Deal \(number)",
                    stage: .qualification, amount: Money(minorUnits: Int64(number) * 100_000, currency: .eur),
                    closeDate: try! CalendarDay(year: 2026, month: 12, day: 15)))
            }
        }
        self.accounts = accounts
        self.contacts = contacts
        self.opportunities = opportunities
    }

    var batch: RecordBatch {
        var batch = RecordBatch()
        batch.territories = [europe, north, south]
        batch.users = [repNorth, repSouth, manager]
        batch.accounts = accounts
        batch.contacts = contacts
        batch.opportunities = opportunities
        batch.products = [product]
        return batch
    }

    func accounts(in territory: Territory) -> [Account] { accounts.filter { $0.territoryID == territory.id } }
}
