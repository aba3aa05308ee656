import OutpostInterchange
import OutpostModel
import Testing

@Suite("Files refused as a whole")
struct FileErrorTests {
    @Test("An empty file", arguments: ["", "\n\n", "\u{FEFF}", "\r\n"])
    func empty(csv: String) throws {
        let error = try importError(.accounts, csv)
        #expect(error.code == .emptyFile)
        #expect(error.message == "the file is empty; its first line must be the header, e.g. id,territory_id,name,industry,city,country,phone,last_visit,vat_number,website")
    }

    @Test("Missing required columns are named")
    func missingColumns() throws {
        let error = try importError(.contacts, "id,first_name,email\n")
        #expect(error.code == .missingColumns)
        #expect(error.line == 1)
        #expect(error.message == "missing required columns account_id, last_name; contacts files need account_id, first_name, last_name")
    }

    @Test("Missing required columns of each kind", arguments: InterchangeKind.allCases)
    func missingEachKind(kind: InterchangeKind) throws {
        for column in kind.requiredColumns {
            let header = kind.columns.filter { $0 != column }.joined(separator: ",")
            let error = try importError(kind, header + "\n")
            #expect(error.code == .missingColumns)
            #expect(error.message.contains("column \(column);"))
        }
    }

    @Test("Unknown columns are named, with the known ones listed")
    func unknownColumns() throws {
        let error = try importError(.contacts, "id,account_id,first_name,last_name,emial,Mobile\n")
        #expect(error.code == .unknownColumns)
        #expect(error.line == 1)
        #expect(error.message == "unknown columns emial, mobile; contacts files have the columns id, account_id, first_name, last_name, email, phone, title")
    }

    @Test("A trailing comma in the header is a blank unknown column")
    func blankHeaderCell() throws {
        let error = try importError(.accounts, "territory_id,name,\n")
        #expect(error.code == .unknownColumns)
        #expect(error.message.hasPrefix("unknown column \"\" (a blank header cell);"))
    }

    @Test("A column named twice")
    func duplicateColumns() throws {
        let error = try importError(.accounts, "territory_id,name,Name\n")
        #expect(error.code == .duplicateColumns)
        #expect(error.message == "the header names name more than once; keep one of each")
    }

    @Test("An unterminated quote is reported with the line where it opens")
    func unterminatedQuote() throws {
        var rows = (1...3).map { Fixture.row(.accounts, $0) }
        rows[1]["name"] = "\"Acme"   // written as """Acme"
        let csv = Fixture.file(.accounts, rows).replacing("\"\"\"Acme\"", with: "\"Acme")
        let error = try importError(.accounts, csv)
        #expect(error.code == .malformedCSV)
        #expect(error.line == 3)
        #expect(error.description == "line 3: the quoted field that starts here is never closed; add the missing \"")
    }

    @Test("Bytes that are not UTF-8")
    func notUTF8() throws {
        let bytes = Array("territory_id,name\n".utf8) + Array("\(Fixture.territory),M".utf8) + [0xFC, 0x6C, 0x6C, 0x65, 0x72, 0x0A]
        do {
            _ = try CSVImport.records(.accounts, utf8: bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .malformedCSV)
            #expect(error.line == 2)
        }
    }
}
