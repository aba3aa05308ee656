import OutpostInterchange
import OutpostModel
import Testing

@Suite("Export then import")
struct RoundTripTests {
    static let trickyNames = [
        "Müller & Söhne, \"Nord\"", "\"Quoted\"", "a,b,c", "Ünïcödé 株式会社 😀", " leading and trailing ", "O'Brien; Co.",
        "=SUM(A1)", "\"", ",", "x\"y\"\"z",
    ]

    @Test("Accounts", arguments: trickyNames)
    func accounts(name: String) throws {
        let accounts = [
            Account(territoryID: Fixture.territory, name: name, industry: name, city: "Köln, Porz", country: "DE",
                    phone: "+49 (221) 555-0100", lastVisit: try CalendarDay(parsing: "2024-02-29"), vatNumber: "DE 123.456-789",
                    website: "https://www.example.com/a?b=c"),
            Account(territoryID: Fixture.territory, name: "Bare"),
        ]
        let text = CSVExport.accounts(accounts)
        #expect(text.hasPrefix("id,territory_id,name,industry,city,country,phone,last_visit,vat_number,website\n"))
        #expect(try CSVImport.accounts(from: text, knownTerritories: [Fixture.territory]) == accounts)
        #expect(try CSVImport.records(.accounts, from: text) == .accounts(accounts))
    }

    @Test("Contacts", arguments: trickyNames)
    func contacts(name: String) throws {
        let contacts = [
            Contact(accountID: Fixture.account, firstName: name, lastName: name, email: try EmailAddress("o'brien+crm@acme.example"),
                    phone: "555, ext. 12", title: name),
            Contact(accountID: Fixture.account, firstName: "Ana", lastName: "López"),
        ]
        #expect(try CSVImport.contacts(from: CSVExport.contacts(contacts), knownAccounts: [Fixture.account]) == contacts)
    }

    @Test("Opportunities in every stage and several currencies")
    func opportunities() throws {
        let currencies = try ["EUR", "JPY", "KWD", "CHF"].map { code throws(ValidationError) in try Currency(code: code) }
        var opportunities: [Opportunity] = []
        for (index, stage) in OpportunityStage.allCases.enumerated() {
            for currency in currencies {
                opportunities.append(Opportunity(
                    accountID: Fixture.account, ownerID: Fixture.owner, name: "\(Self.trickyNames[index]) \(currency)",
                    stage: stage, amount: Money(minorUnits: Int64(index * 100_001 + 7), currency: currency),
                    closeDate: CalendarDay(daysSinceEpoch: 20_000 + index * 37),
                    probability: stage.isClosed ? nil : stage.defaultProbability + 3))
            }
        }
        let text = CSVExport.opportunities(opportunities)
        #expect(try CSVImport.opportunities(from: text, knownAccounts: [Fixture.account], knownUsers: [Fixture.owner]) == opportunities)
        #expect(CSVExport.text(for: .opportunities(opportunities)) == text)
    }

    @Test("Exported text is exact")
    func exactText() throws {
        let account = Account(id: Fixture.account, territoryID: Fixture.territory, name: "Müller & Söhne, \"Nord\"", country: "DE")
        let opportunity = Opportunity(id: try OpportunityID(parsing: Fixture.uuid(5)), accountID: Fixture.account, ownerID: Fixture.owner,
                                      name: "Fleet", stage: .proposal, amount: Money(minorUnits: 5, currency: .eur),
                                      closeDate: try CalendarDay(parsing: "2026-11-24"))
        #expect(CSVExport.accounts([account]) == #"""
            id,territory_id,name,industry,city,country,phone,last_visit,vat_number,website
            3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b,7c9e6679-7425-40de-944b-e07fc1f90ae7,"Müller & Söhne, ""Nord""",,,DE,,,,

            """#)
        #expect(CSVExport.opportunities([opportunity]) == """
            id,account_id,owner_id,name,stage,amount,currency,close_date,probability
            \(Fixture.uuid(5)),\(Fixture.account),\(Fixture.owner),Fleet,proposal,0.05,EUR,2026-11-24,50

            """)
    }

    @Test("An empty export is the header alone", arguments: InterchangeKind.allCases)
    func emptyExport(kind: InterchangeKind) {
        let records: InterchangeRecords = switch kind {
        case .accounts: .accounts([])
        case .contacts: .contacts([])
        case .opportunities: .opportunities([])
        case .leads: .leads([])
        case .activities: .activities([])
        case .territories: .territories([])
        case .users: .users([])
        case .quotas: .quotas([])
        case .products: .products([])
        }
        #expect(CSVExport.text(for: records) == kind.columns.joined(separator: ",") + "\n")
    }
}
