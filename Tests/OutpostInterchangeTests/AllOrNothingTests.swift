import OutpostInterchange
import OutpostModel
import Testing

@Suite("All or nothing")
struct AllOrNothingTests {
    @Test("99 good rows and 1 bad row give only the error", arguments: InterchangeKind.allCases)
    func oneBadRow(kind: InterchangeKind) throws {
        var rows = (1...100).map { Fixture.row(kind, $0) }
        let badColumn = switch kind {
        case .contacts: "email"
        case .leads: "company"
        case .activities: "subject"
        case .quotas: "period"
        default: "name"
        }
        rows[60][badColumn] = kind == .contacts ? "not-an-address" : ""
        let error = try importError(kind, Fixture.file(kind, rows))
        #expect(error.code == .invalidRows)
        #expect(error.rejectedRowCount == 1)
        #expect(error.rows.map(\.line) == [62])
        #expect(error.rows.map(\.column) == [badColumn])
    }

    @Test("Every bad row is listed, up to the cap")
    func manyBadRows() throws {
        var rows = (1...300).map { Fixture.row(.contacts, $0) }
        for index in stride(from: 0, to: 300, by: 2) { rows[index]["email"] = "x" }
        let error = try importError(.contacts, Fixture.file(.contacts, rows))
        #expect(error.rejectedRowCount == 150)
        #expect(error.rows.count == CSVImport.maximumRowErrors)
        #expect(error.rows.first?.line == 2)
        #expect(error.rows.last?.line == 2 + 2 * 99)
        #expect(error.description.hasSuffix("… and 50 more rejected rows not listed"))
    }

    @Test("A few bad rows are all listed in file order")
    func fewBadRows() throws {
        var rows = (1...10).map { Fixture.row(.opportunities, $0) }
        rows[2]["stage"] = "lost"
        rows[5]["currency"] = "EURO"
        rows[9]["close_date"] = "2026-13-01"
        let error = try importError(.opportunities, Fixture.file(.opportunities, rows))
        #expect(error.rows.map(\.line) == [4, 7, 11])
        #expect(error.rows.map(\.column) == ["stage", "currency", "close_date"])
        #expect(error.message.hasPrefix("3 rows were rejected; nothing was imported."))
    }
}
