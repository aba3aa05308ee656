import OutpostInterchange
import OutpostModel
import Testing

@Suite("References to existing records")
struct ReferenceTests {
    let stranger = try! AccountID(parsing: "0f0f0f0f-0000-4000-8000-000000000001")

    @Test("An unknown territory")
    func territory() throws {
        let csv = Fixture.fileWithBadRow(.accounts, ["territory_id": "0f0f0f0f-0000-4000-8000-000000000002"])
        let error = try importError(.accounts, csv, references: KnownReferences(territories: [Fixture.territory]))
        #expect(error.rows == [RowError(.unknownReference, line: 3, column: "territory_id",
                                        "territory 0f0f0f0f-0000-4000-8000-000000000002 does not exist; import or create it first, or correct the id")])
    }

    @Test("An unknown account")
    func account() throws {
        let csv = Fixture.fileWithBadRow(.contacts, ["account_id": stranger.description])
        do {
            _ = try CSVImport.contacts(from: csv, knownAccounts: [Fixture.account])
            Issue.record("expected an error")
        } catch {
            #expect(error.rows.map(\.line) == [3])
            #expect(error.rows.map(\.column) == ["account_id"])
            #expect(error.rows.first?.reason.hasPrefix("account \(stranger) does not exist") == true)
        }
    }

    @Test("An unknown owner and an unknown account in one row")
    func owner() throws {
        let csv = Fixture.fileWithBadRow(.opportunities, ["account_id": stranger.description, "owner_id": Fixture.uuid(99)])
        do {
            _ = try CSVImport.opportunities(from: csv, knownAccounts: [Fixture.account], knownUsers: [Fixture.owner])
            Issue.record("expected an error")
        } catch {
            #expect(error.rows.map(\.column) == ["account_id", "owner_id"])
            #expect(error.rows.map(\.code) == [.unknownReference, .unknownReference])
        }
    }

    @Test("Without known ids, references are not checked")
    func unchecked() throws {
        let csv = Fixture.fileWithBadRow(.contacts, ["account_id": stranger.description])
        #expect(try CSVImport.contacts(from: csv).count == 3)
    }

    @Test("An empty set of known ids refuses every reference")
    func emptySet() throws {
        let error = try importError(.accounts, Fixture.file(.accounts, [Fixture.row(.accounts)]),
                                    references: KnownReferences(territories: []))
        #expect(error.rows.map(\.code) == [.unknownReference])
    }
}
