import OutpostInterchange
import OutpostModel
import Testing

@Suite("Imports that never duplicate")
struct ImportPlannerTests {
    let bavaria = Territory(id: Fixture.territory, name: "Bavaria")

    func file(_ kind: InterchangeKind, _ text: String, references: KnownReferences = KnownReferences()) throws -> ImportedFile {
        try CSVImport.file(kind, utf8: Array(text.utf8), references: references)
    }

    @Test("The same file with ids, planned against what its first import stored, changes nothing")
    func sameFileTwice() throws {
        let text = Fixture.file(.accounts, [Fixture.row(.accounts, 1), Fixture.row(.accounts, 2)])
        let first = ImportPlanner.plan(try file(.accounts, text), stored: .accounts([]))
        #expect((first.created, first.updated, first.unchanged) == (2, 0, 0))
        let second = ImportPlanner.plan(try file(.accounts, text), stored: first.records)
        #expect((second.created, second.updated, second.unchanged) == (0, 0, 2))
        #expect(second.records.count == 0)
    }

    @Test("Rows without ids that match stored accounts by normalised name and city are left out as duplicates")
    func accountsWithoutIDs() throws {
        let stored = Account(territoryID: Fixture.territory, name: "Müller & Söhne GmbH", city: "Köln")
        let text = """
            territory_id,name,city
            \(Fixture.territory),MÜLLER  &  SÖHNE gmbh,koln
            \(Fixture.territory),Müller & Söhne GmbH,Köln
            \(Fixture.territory),Ironhill Haulage AG,Zürich
            \(Fixture.territory),"Ironhill Haulage, AG",Zürich

            """
        let plan = ImportPlanner.plan(try file(.accounts, text), stored: .accounts([stored]))
        #expect(plan.created == 2, "line 2 (\"koln\" is not \"Köln\" folded, \"koeln\") and line 4")
        #expect(plan.duplicates.map(\.line) == [3, 5])
        #expect(plan.duplicates.map(\.code) == [.likelyDuplicate, .likelyDuplicate])
        #expect(plan.duplicates[0].reason.hasPrefix("looks like account \(ShortID.of(stored.id.description)) (same name and city)"))
        #expect(plan.duplicates[1].reason.hasPrefix("looks like line 4 (same name and city)"))
        // "koln" is not "Köln" folded ("koeln"): only exact matches after folding count.
        let allowed = ImportPlanner.plan(try file(.accounts, text), stored: .accounts([stored]), allowDuplicates: true)
        #expect(allowed.created == 4 && allowed.duplicates.isEmpty)
    }

    @Test("Accounts without ids also match by VAT number or web domain, however written; --allow-duplicates creates them")
    func accountsByVATOrDomain() throws {
        let stored = Account(territoryID: Fixture.territory, name: "Ironhill Haulage AG", city: "Zürich",
                             vatNumber: "CHE-123.456.789", website: "https://www.ironhill.example/")
        let text = """
            territory_id,name,city,vat_number,website
            \(Fixture.territory),Ironhill Logistics,Basel,che 123 456 789,
            \(Fixture.territory),Ironhill Freight,Bern,,IRONHILL.example
            \(Fixture.territory),Ironhill Rail,Chur,CHE-999.999.999,rail.example
            \(Fixture.territory),Ironhill Rail Ltd,Lugano,,http://www.rail.example:8080/about

            """
        let plan = ImportPlanner.plan(try file(.accounts, text), stored: .accounts([stored]))
        #expect(plan.created == 1 && plan.duplicates.map(\.line) == [2, 3, 5])
        #expect(plan.duplicates[0].reason.hasPrefix("looks like account \(ShortID.of(stored.id.description)) (same VAT number)"))
        #expect(plan.duplicates[1].reason.contains("(same web domain)"))
        #expect(plan.duplicates[2].reason.hasPrefix("looks like line 4 (same web domain)"))
        let allowed = ImportPlanner.plan(try file(.accounts, text), stored: .accounts([stored]), allowDuplicates: true)
        #expect(allowed.created == 4 && allowed.duplicates.isEmpty)
    }

    @Test("Contacts and leads without ids match by e-mail, whatever its case")
    func byEmail() throws {
        let stored = Contact(accountID: Fixture.account, firstName: "Ana", lastName: "López",
                             email: try EmailAddress("ana.lopez@acme.example"))
        let text = """
            account_id,first_name,last_name,email
            \(Fixture.account),Ana,Lopez,Ana.Lopez@ACME.example
            \(Fixture.account),Bea,Ruiz,

            """
        let plan = ImportPlanner.plan(try file(.contacts, text), stored: .contacts([stored]))
        #expect(plan.created == 1 && plan.duplicates.map(\.line) == [2])
        #expect(plan.duplicates[0].reason.contains("(same e-mail)"))
    }

    @Test("A territory named without an id is that territory: the row updates it")
    func uniqueNamesAreIdentity() throws {
        let emea = Territory(name: "EMEA")
        let references = KnownReferences(territories: [bavaria, emea], accounts: [], users: [])
        let same = ImportPlanner.plan(try file(.territories, "name\nbavaria\n"), stored: .territories([bavaria, emea]))
        #expect((same.created, same.updated, same.unchanged) == (0, 1, 0), "a change of letter case is an update")
        let moved = ImportPlanner.plan(try file(.territories, "name,parent_id\nBavaria,EMEA\n", references: references),
                                       stored: .territories([bavaria, emea]))
        #expect((moved.created, moved.updated, moved.unchanged) == (0, 1, 0))
        guard case .territories(let written) = moved.records else { Issue.record("not territories"); return }
        #expect(written == [Territory(id: bavaria.id, name: "Bavaria", parentID: emea.id)])
        let unchanged = ImportPlanner.plan(try file(.territories, "name\nBavaria\n"), stored: .territories([bavaria, emea]))
        #expect((unchanged.created, unchanged.updated, unchanged.unchanged) == (0, 0, 1))
    }

    @Test("A row with a stored id and new values is an update of that record")
    func updateByID() throws {
        var row = Fixture.row(.accounts, 1)
        let stored = try CSVImport.accounts(from: Fixture.file(.accounts, [row]))
        row["phone"] = "+49 89 1234"
        let plan = ImportPlanner.plan(try file(.accounts, Fixture.file(.accounts, [row])), stored: .accounts(stored))
        #expect((plan.created, plan.updated) == (0, 1))
        guard case .accounts(let written) = plan.records else { Issue.record("not accounts"); return }
        #expect(written.map(\.phone) == ["+49 89 1234"] && written.map(\.id) == stored.map(\.id))
    }

    @Test("A semicolon file with a BOM and names instead of ids imports")
    func semicolonsAndNames() throws {
        let owner = User(id: Fixture.owner, name: "michael.wagner", displayName: "Michael Wagner", role: .rep)
        let account = Account(id: Fixture.account, territoryID: Fixture.territory, name: "Ironhill Haulage AG")
        let references = KnownReferences(territories: [bavaria], accounts: [account], users: [owner])
        let text = "\u{FEFF}account_id;owner_id;name;stage;amount;currency;close_date\r\n"
            + "Ironhill Haulage AG;Michael.Wagner;\"Fleet; with semicolon\";proposal;1200.00;EUR;2026-12-01\r\n"
        let imported = try file(.opportunities, text, references: references)
        guard case .opportunities(let opportunities) = imported.records else { Issue.record("not opportunities"); return }
        #expect(opportunities.map(\.accountID) == [Fixture.account])
        #expect(opportunities.map(\.ownerID) == [Fixture.owner])
        #expect(opportunities.map(\.name) == ["Fleet; with semicolon"])
        #expect(imported.givenIDs == [false])
    }

    @Test("A name that matches no record, or several, is refused with its line and column")
    func unknownAndAmbiguousNames() throws {
        let twins = [Account(territoryID: Fixture.territory, name: "Huber KG"), Account(territoryID: Fixture.territory, name: "Huber KG")]
        let references = KnownReferences(territories: [bavaria], accounts: twins, users: [])
        let text = "account_id,first_name,last_name\nHuber KG,Ana,Ruiz\nNobody GmbH,Bea,Ruiz\n"
        do {
            _ = try CSVImport.file(.contacts, utf8: Array(text.utf8), references: references)
            Issue.record("expected an error")
        } catch {
            #expect(error.rows.map(\.description) == [
                "line 2, column account_id: 2 accounts are named \"Huber KG\"; give the id of the one you mean",
                "line 3, column account_id: no account is named \"Nobody GmbH\"; give its id or its exact name",
            ])
        }
    }

    @Test("A tab-separated file reads like a comma-separated one")
    func tabs() throws {
        let commas = Fixture.file(.products, [Fixture.row(.products, 1)])
        let tabs = String(commas.map { $0 == "," ? "\t" : $0 })
        #expect(try file(.products, tabs) == file(.products, commas))
    }

    @Test("A date that does not exist is echoed as written")
    func badDateEcho() throws {
        let error = try importError(.accounts, Fixture.fileWithBadRow(.accounts, ["last_visit": "2026-02-30"]))
        #expect(error.rows.map(\.description) == [
            "line 3, column last_visit: 2026-02-30 is not a date between 1900-01-01 and 2999-12-31; check the month and the day",
        ])
    }
}
