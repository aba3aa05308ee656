import OutpostInterchange
import OutpostModel
import Testing

/// One kind of bad row: the file, and the single error it must produce.
struct RejectedRow: Sendable, CustomTestStringConvertible {
    let label: String
    let kind: InterchangeKind
    let csv: String
    let line: Int
    let column: String
    let code: RowError.Code

    var testDescription: String { label }

    /// A file whose line 3 is a good row of `kind` with `changes` applied.
    static func cell(_ label: String, _ kind: InterchangeKind, _ changes: [String: String],
                     column: String, _ code: RowError.Code) -> RejectedRow {
        RejectedRow(label: label, kind: kind, csv: Fixture.fileWithBadRow(kind, changes), line: 3, column: column, code: code)
    }

    static let all: [RejectedRow] = [
        RejectedRow(label: "too few cells", kind: .contacts,
                    csv: Fixture.file(.contacts, [Fixture.row(.contacts)]) + "\(Fixture.uuid(2)),\(Fixture.account),Ana,López\n",
                    line: 3, column: "", code: .cellCount),
        RejectedRow(label: "too many cells", kind: .accounts,
                    csv: Fixture.file(.accounts, [Fixture.row(.accounts)]) + ",\(Fixture.territory),Acme, Inc.,,,,,\n",
                    line: 3, column: "", code: .cellCount),
        cell("required name empty", .accounts, ["name": ""], column: "name", .required),
        cell("required name only spaces", .accounts, ["name": "   "], column: "name", .required),
        cell("required last_name empty", .contacts, ["last_name": ""], column: "last_name", .required),
        cell("required amount empty", .opportunities, ["amount": ""], column: "amount", .required),
        cell("required territory_id empty", .accounts, ["territory_id": ""], column: "territory_id", .required),
        cell("bad UUID in id", .contacts, ["id": "42"], column: "id", .badFormat),
        cell("bad UUID in account_id", .contacts, ["account_id": "3f2b8c4e-1d2a-4b6f-9e1a"], column: "account_id", .badFormat),
        cell("bad UUID in owner_id", .opportunities, ["owner_id": "ana"], column: "owner_id", .badFormat),
        cell("bad stage", .opportunities, ["stage": "won"], column: "stage", .badFormat),
        cell("too many decimals for EUR", .opportunities, ["amount": "12.345"], column: "amount", .badFormat),
        cell("decimals for JPY", .opportunities, ["amount": "100.5", "currency": "JPY"], column: "amount", .badFormat),
        cell("letters in amount", .opportunities, ["amount": "12k"], column: "amount", .badFormat),
        cell("thousands separator in amount", .opportunities, ["amount": "1,234.50"], column: "amount", .badFormat),
        cell("negative amount", .opportunities, ["amount": "-5.00"], column: "amount", .outOfRange),
        cell("unknown currency", .opportunities, ["currency": "XYZ"], column: "currency", .badFormat),
        cell("malformed currency", .opportunities, ["currency": "euro"], column: "currency", .badFormat),
        cell("date that does not exist", .opportunities, ["close_date": "2026-02-30"], column: "close_date", .outOfRange),
        cell("date in another format", .opportunities, ["close_date": "24.11.2026"], column: "close_date", .badFormat),
        cell("bad last_visit", .accounts, ["last_visit": "yesterday"], column: "last_visit", .badFormat),
        cell("bad e-mail", .contacts, ["email": "ana@"], column: "email", .badFormat),
        cell("probability above 100", .opportunities, ["probability": "120"], column: "probability", .outOfRange),
        cell("probability below 0", .opportunities, ["probability": "-1"], column: "probability", .outOfRange),
        cell("probability not a number", .opportunities, ["probability": "50%"], column: "probability", .badFormat),
        cell("probability inconsistent with closed_won", .opportunities, ["stage": "closed_won", "probability": "90"],
             column: "probability", .inconsistent),
        cell("probability inconsistent with closed_lost", .opportunities, ["stage": "closed_lost", "probability": "10"],
             column: "probability", .inconsistent),
        cell("duplicate id", .contacts, ["id": Fixture.uuid(1)], column: "id", .duplicateID),
        cell("duplicate id, other case", .opportunities, ["id": Fixture.uuid(1).uppercased()], column: "id", .duplicateID),
        cell("account name too long", .accounts, ["name": String(repeating: "x", count: 201)], column: "name", .tooLong),
        cell("first_name too long", .contacts, ["first_name": String(repeating: "é", count: 81)], column: "first_name", .tooLong),
        cell("title too long", .contacts, ["title": String(repeating: "t", count: 121)], column: "title", .tooLong),
        cell("control character in name", .accounts, ["name": "Acme\u{7}"], column: "name", .badFormat),
        cell("line break in a name", .opportunities, ["name": "Fleet\nrenewal"], column: "name", .badFormat),
        cell("tab in a title", .contacts, ["title": "Head\tof"], column: "title", .badFormat),
        cell("country not a code", .accounts, ["country": "Germany"], column: "country", .badFormat),
        cell("letters in phone", .accounts, ["phone": "call Ana"], column: "phone", .badFormat),
    ]
}

@Suite("Rejected rows")
struct RejectedRowTests {
    @Test("Each kind of bad row is reported on its line and column", arguments: RejectedRow.all)
    func rejected(_ bad: RejectedRow) throws {
        let error = try importError(bad.kind, bad.csv)
        #expect(error.code == .invalidRows)
        #expect(error.rejectedRowCount == 1)
        let row = try #require(error.rows.first)
        #expect(error.rows.count == 1, "\(error.rows)")
        #expect(row.line == bad.line)
        #expect(row.column == bad.column)
        #expect(row.code == bad.code, "\(row)")
    }

    @Test("The message says where, what and what was found")
    func message() throws {
        var rows = (1...6).map { Fixture.row(.contacts, $0) }
        rows[5]["email"] = "ana@"
        let csv = Fixture.file(.contacts, rows)   // header on line 1, rows on lines 2...7
        let error = try importError(.contacts, csv)
        #expect(error.rows.map(\.description)
            == [#"line 7, column email: must be an e-mail address such as name@example.com (got "ana@")"#])
        #expect(error.description == """
            1 row was rejected; nothing was imported. Fix the rows below and import the whole file again.
            line 7, column email: must be an e-mail address such as name@example.com (got "ana@")
            """)
    }

    @Test("The other messages name the problem and the value")
    func otherMessages() throws {
        let cases: [(InterchangeKind, [String: String], String)] = [
            (.opportunities, ["amount": "12.345"], #"line 3, column amount: EUR amounts have at most 2 decimal places (got "12.345")"#),
            (.opportunities, ["stage": "won"],
             #"line 3, column stage: must be one of prospecting, qualification, proposal, negotiation, closed_won, closed_lost (got "won")"#),
            (.contacts, ["id": Fixture.uuid(1)],
             "line 3, column id: id \(Fixture.uuid(1)) is already used on line 2; ids must be unique within a file"),
            (.accounts, ["name": ""], "line 3, column name: must not be empty"),
        ]
        for (kind, changes, expected) in cases {
            #expect(try importError(kind, Fixture.fileWithBadRow(kind, changes)).rows.map(\.description) == [expected])
        }
        let cellCount = try importError(.contacts, Fixture.file(.contacts, []) + "a,b\n")
        #expect(cellCount.rows.map(\.description) == [
            "line 2: has 2 cells but the header has 7 columns; check for a missing or extra comma, or an unquoted comma in a value",
        ])
    }

    @Test("A quoted line break shifts the line numbers of later rows")
    func lineAfterMultilineCell() throws {
        var first = Fixture.row(.accounts, 1)
        first["city"] = "Köln\nPorz"   // legal in the CSV, but the city check refuses control characters
        var second = Fixture.row(.accounts, 2)
        second["country"] = "de"
        let error = try importError(.accounts, Fixture.file(.accounts, [first, second]))
        #expect(error.rows.map(\.line) == [2, 4])
        #expect(error.rows.map(\.column) == ["city", "country"])
    }

    @Test("Every bad cell of a row is listed")
    func severalCellsInOneRow() throws {
        let csv = Fixture.fileWithBadRow(.opportunities, ["id": "x", "owner_id": "", "stage": "won", "close_date": "soon"])
        let error = try importError(.opportunities, csv)
        #expect(error.rejectedRowCount == 1)
        #expect(error.rows.map(\.column) == ["id", "owner_id", "stage", "close_date"])
        #expect(Set(error.rows.map(\.line)) == [3])
    }

    @Test("A bad currency is reported instead of the amount it would scale")
    func currencyBeforeAmount() throws {
        let error = try importError(.opportunities, Fixture.fileWithBadRow(.opportunities, ["currency": "XYZ", "amount": "1.2345"]))
        #expect(error.rows.map(\.column) == ["currency"])
        #expect(error.rows[0].reason.hasPrefix("XYZ is not supported; use one of "))
    }
}
