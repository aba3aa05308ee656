import OutpostInterchange
import OutpostModel
import Testing

@Suite("Importing good files")
struct ImportSuccessTests {
    @Test("Accounts")
    func accounts() throws {
        let csv = #"""
            id,territory_id,name,industry,city,country,phone,last_visit
            3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b,7c9e6679-7425-40de-944b-e07fc1f90ae7,"Müller & Söhne, ""Nord""",Machinery,Köln,DE,+49 221 555-0100,2026-03-02
            ,7c9e6679-7425-40de-944b-e07fc1f90ae7,Bare Minimum,,,,,

            """#
        let accounts = try CSVImport.accounts(from: csv, knownTerritories: [Fixture.territory])
        #expect(accounts.count == 2)
        #expect(accounts[0] == Account(id: Fixture.account, territoryID: Fixture.territory, name: "Müller & Söhne, \"Nord\"",
                                       industry: "Machinery", city: "Köln", country: "DE", phone: "+49 221 555-0100",
                                       lastVisit: try CalendarDay(parsing: "2026-03-02")))
        // A blank id gets a new one; empty optional cells are nil.
        #expect(accounts[1].id != Fixture.account)
        #expect(accounts[1].industry == nil && accounts[1].city == nil && accounts[1].country == nil)
        #expect(accounts[1].phone == nil && accounts[1].lastVisit == nil)
    }

    @Test("Accounts without an id column get new ids")
    func accountsWithoutIDs() throws {
        let accounts = try CSVImport.accounts(from: "name,territory_id\nA,\(Fixture.territory)\nB,\(Fixture.territory)\n")
        #expect(accounts.map(\.name) == ["A", "B"])
        #expect(accounts[0].id != accounts[1].id)
    }

    @Test("Contacts, with columns in another order and header names in any case")
    func contacts() throws {
        let csv = """
            Last_Name, FIRST_NAME ,Email,Account_ID,ID
            López,Ana,ana.lopez@acme.example,\(Fixture.account),\(Fixture.uuid(1))
            Weber,Jonas,,\(Fixture.account),\(Fixture.uuid(2))
            """
        let contacts = try CSVImport.contacts(from: csv, knownAccounts: [Fixture.account])
        #expect(contacts == [
            Contact(id: try ContactID(parsing: Fixture.uuid(1)), accountID: Fixture.account, firstName: "Ana", lastName: "López",
                    email: try EmailAddress("ana.lopez@acme.example")),
            Contact(id: try ContactID(parsing: Fixture.uuid(2)), accountID: Fixture.account, firstName: "Jonas", lastName: "Weber"),
        ])
    }

    @Test("Opportunities, a blank probability taking the stage's default")
    func opportunities() throws {
        let csv = """
            id,account_id,owner_id,name,stage,amount,currency,close_date,probability
            \(Fixture.uuid(1)),\(Fixture.account),\(Fixture.owner),Fleet renewal,negotiation,1234.5,EUR,2026-11-24,
            \(Fixture.uuid(2)),\(Fixture.account),\(Fixture.owner),Spare parts,closed_won,120000,JPY,2026-01-31,100
            \(Fixture.uuid(3)),\(Fixture.account),\(Fixture.owner),Service,Proposal,0.125,kwd,2027-02-28,60
            """
        let opportunities = try CSVImport.opportunities(from: csv, knownAccounts: [Fixture.account], knownUsers: [Fixture.owner])
        #expect(opportunities.count == 3)
        #expect(opportunities[0].probability == 75)
        #expect(opportunities[0].amount == Money(minorUnits: 123_450, currency: .eur))
        #expect(opportunities[0].closeDate == (try CalendarDay(parsing: "2026-11-24")))
        #expect(opportunities[1].stage == .closedWon)
        #expect(opportunities[1].amount == Money(minorUnits: 120_000, currency: try Currency(code: "JPY")))
        #expect(opportunities[2].stage == .proposal && opportunities[2].probability == 60)
        #expect(opportunities[2].amount == Money(minorUnits: 125, currency: try Currency(code: "KWD")))
    }

    @Test("A header with no rows imports nothing", arguments: InterchangeKind.allCases)
    func headerOnly(kind: InterchangeKind) throws {
        #expect(try CSVImport.records(kind, from: kind.columns.joined(separator: ",") + "\n").count == 0)
    }

    @Test("Bytes with a BOM and CRLF line endings", arguments: InterchangeKind.allCases)
    func bytes(kind: InterchangeKind) throws {
        let text = Fixture.file(kind, [Fixture.row(kind, 1), Fixture.row(kind, 2)])
            .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let records = try CSVImport.records(kind, utf8: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(records.kind == kind)
        #expect(records.count == 2)
    }

    @Test("Column lists", arguments: InterchangeKind.allCases)
    func columns(kind: InterchangeKind) {
        let expected = switch kind {
        case .accounts: "id,territory_id,name,industry,city,country,phone,last_visit,vat_number,website"
        case .contacts: "id,account_id,first_name,last_name,email,phone,title"
        case .opportunities: "id,account_id,owner_id,name,stage,amount,currency,close_date,probability"
        case .leads: "id,territory_id,company,first_name,last_name,email,status"
        case .activities: "id,kind,subject,day,account_id,contact_id,opportunity_id,owner_id,done,notes,time"
        case .territories: "id,name,parent_id"
        case .users: "id,name,display_name,role,territories"
        case .quotas: "id,user_id,territory_id,period,amount,currency"
        case .products: "id,sku,name,base_price,currency"
        }
        #expect(kind.columns.joined(separator: ",") == expected)
        #expect(Set(kind.requiredColumns).isSubset(of: kind.columns))
    }
}
