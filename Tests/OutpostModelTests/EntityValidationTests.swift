import OutpostModel
import Testing

@Suite("Entity validation")
struct EntityValidationTests {
    let territory = TerritoryID()
    let account = AccountID()
    let owner = UserID()

    func opportunity(stage: OpportunityStage, probability: Int? = nil, amount: Int64 = 10_000) throws -> Opportunity {
        Opportunity(accountID: account, ownerID: owner, name: "Fleet renewal", stage: stage,
                    amount: Money(minorUnits: amount, currency: .eur),
                    closeDate: try CalendarDay(parsing: "2026-12-15"), probability: probability)
    }

    @Test("E-mail addresses need one @, a local part and a dotted domain", arguments: [
        ("ana.lopez@acme.example", true), ("a+b@x.co", true), ("ana@", false), ("@acme.example", false),
        ("ana@acme", false), ("ana lopez@acme.example", false), ("ana@@acme.example", false), ("ana@acme..example", false),
    ])
    func email(text: String, valid: Bool) {
        #expect(((try? EmailAddress(text)) != nil) == valid)
    }

    @Test("An opportunity's probability follows its stage")
    func probability() throws {
        #expect(try opportunity(stage: .proposal).probability == 50)
        try opportunity(stage: .negotiation, probability: 80).validate()
        #expect(throws: ValidationError(.outOfRange, field: "probability", "must be between 0 and 100 (got 120)")) {
            try opportunity(stage: .proposal, probability: 120).validate()
        }
        #expect(throws: ValidationError.self) { try opportunity(stage: .closedWon, probability: 90).validate() }
        #expect(throws: ValidationError.self) { try opportunity(stage: .closedLost, probability: 10).validate() }
        #expect(throws: ValidationError.self) { try opportunity(stage: .proposal, amount: -1).validate() }
    }

    @Test("Stages map to forecast categories")
    func categories() {
        #expect(OpportunityStage.prospecting.forecastCategory == .pipeline)
        #expect(OpportunityStage.proposal.forecastCategory == .bestCase)
        #expect(OpportunityStage.negotiation.forecastCategory == .commit)
        #expect(OpportunityStage.closedWon.forecastCategory == .closed)
        #expect(OpportunityStage.closedLost.forecastCategory == .omitted)
        #expect(throws: ValidationError.self) { try OpportunityStage(parsing: "won") }
    }

    @Test("Required names, lengths, control characters, countries and phones are checked")
    func accounts() throws {
        try Account(territoryID: territory, name: "Hartmann Logistik GmbH", country: "DE", phone: "+49 89 123456").validate()
        #expect(throws: ValidationError(.required, field: "name", "must not be empty")) {
            try Account(territoryID: territory, name: "  ").validate()
        }
        #expect(throws: ValidationError.self) { try Account(territoryID: territory, name: String(repeating: "x", count: 201)).validate() }
        #expect(throws: ValidationError.self) { try Account(territoryID: territory, name: "Bad\u{7}Name").validate() }
        #expect(throws: ValidationError.self) { try Account(territoryID: territory, name: "Acme", country: "Germany").validate() }
        #expect(throws: ValidationError.self) { try Account(territoryID: territory, name: "Acme", phone: "call me").validate() }
    }

    @Test("Users need a login name of safe characters and no duplicate territories")
    func users() throws {
        try User(name: "ana.lopez", displayName: "Ana López", role: .rep, territoryIDs: [territory]).validate()
        #expect(throws: ValidationError.self) { try User(name: "Ana Lopez", displayName: "Ana", role: .rep).validate() }
        #expect(throws: ValidationError.self) {
            try User(name: "ana", displayName: "Ana", role: .rep, territoryIDs: [territory, territory]).validate()
        }
        #expect(throws: ValidationError.self) { try Role(parsing: "boss") }
    }

    @Test("Contacts, leads, activities, products, quotes and territories validate")
    func others() throws {
        try Contact(accountID: account, firstName: "Jonas", lastName: "Weber", email: try EmailAddress("j.weber@hartmann.example")).validate()
        #expect(throws: ValidationError.self) { try Contact(accountID: account, firstName: "", lastName: "Weber").validate() }
        #expect(throws: ValidationError.self) { try Lead(territoryID: territory, company: "", firstName: "A", lastName: "B").validate() }
        #expect(throws: ValidationError.self) {
            try Activity(kind: .visit, subject: "", day: try CalendarDay(parsing: "2026-11-24"), accountID: account, ownerID: owner).validate()
        }
        #expect(throws: ValidationError.self) {
            try Product(sku: "PC", name: "PC", basePrice: Money(minorUnits: -5, currency: .eur)).validate()
        }
        #expect(throws: ValidationError.self) {
            try Quote(opportunityID: OpportunityID(), discountBasisPoints: 10_001).validate()
        }
        let loop = TerritoryID()
        #expect(throws: ValidationError.self) { try Territory(id: loop, name: "Loop", parentID: loop).validate() }
    }

    @Test("Entity ids parse UUID text and refuse anything else")
    func ids() throws {
        let id = AccountID()
        #expect(try AccountID(parsing: id.description) == id)
        #expect(try AccountID(parsing: id.description.uppercased()) == id)
        #expect(throws: ValidationError.self) { try AccountID(parsing: "not-a-uuid") }
    }
}
