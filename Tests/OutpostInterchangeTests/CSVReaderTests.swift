import OutpostInterchange
import Testing

@Suite("CSV reader")
struct CSVReaderTests {
    private func read(_ text: String) throws -> [CSVRecord] { try CSVReader.records(in: text) }

    @Test("Plain records with their line numbers")
    func plain() throws {
        let records = try read("a,b,c\n1,2,3\n")
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b", "c"]), CSVRecord(line: 2, fields: ["1", "2", "3"])])
    }

    @Test("A trailing line break is optional", arguments: ["a,b\n1,2", "a,b\n1,2\n", "a,b\r\n1,2\r\n", "a,b\r\n1,2", "a,b\r1,2\r"])
    func trailingNewline(text: String) throws {
        #expect(try read(text) == [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", "2"])])
    }

    @Test("A quoted line break makes the next record's line number jump")
    func quotedNewline() throws {
        let records = try read("h1,h2\n\"two\nlines\",x\n\"three\nmore\nlines\",y\nlast,z\n")
        #expect(records.map(\.line) == [1, 2, 4, 7])
        #expect(records[1].fields == ["two\nlines", "x"])
        #expect(records[2].fields == ["three\nmore\nlines", "y"])
    }

    @Test("A quoted CRLF counts as one line and is kept as written")
    func quotedCRLF() throws {
        let records = try read("h\r\n\"x\r\ny\"\r\nz\r\n")
        #expect(records.map(\.line) == [1, 2, 4])
        #expect(records[1].fields == ["x\r\ny"])
    }

    @Test("Quotes, doubled quotes, commas and empty fields")
    func quoting() throws {
        let records = try read(#"a,"b,c","say ""hi""",,"""#)
        #expect(records == [CSVRecord(line: 1, fields: ["a", "b,c", "say \"hi\"", "", ""])])
    }

    @Test("A quote inside an unquoted field is kept literally")
    func bareQuote() throws {
        #expect(try read("5\" screen,x\n")[0].fields == ["5\" screen", "x"])
    }

    @Test("A UTF-8 byte-order mark is dropped")
    func bom() throws {
        #expect(try read("\u{FEFF}id,name\n1,Ä\n")[0].fields == ["id", "name"])
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("id,name\n1,Ä\n".utf8)
        #expect(try CSVReader.records(utf8: bytes) == [CSVRecord(line: 1, fields: ["id", "name"]),
                                                        CSVRecord(line: 2, fields: ["1", "Ä"])])
    }

    @Test("Blank lines are skipped but still counted")
    func blankLines() throws {
        let records = try read("\na,b\n\n\n1,2\n\n")
        #expect(records == [CSVRecord(line: 2, fields: ["a", "b"]), CSVRecord(line: 5, fields: ["1", "2"])])
    }

    @Test("A line holding only \"\" is a record with one empty field")
    func quotedEmptyLine() throws {
        #expect(try read("a\n\"\"\n") == [CSVRecord(line: 1, fields: ["a"]), CSVRecord(line: 2, fields: [""])])
    }

    @Test("Empty input has no records", arguments: ["", "\n", "\r\n\r\n", "\u{FEFF}"])
    func empty(text: String) throws {
        #expect(try read(text).isEmpty)
    }

    @Test("An unterminated quote is reported on the line where it opens")
    func unterminated() {
        #expect(throws: CSVError(.unterminatedQuote, line: 3,
                                 "the quoted field that starts here is never closed; add the missing \"")) {
            try read("a,b\n1,2\n3,\"open\nstill open\n")
        }
    }

    @Test("Text after a closing quote is an error with its line")
    func textAfterQuote() throws {
        let error = try #require(throws: CSVError.self) { try read("a,b\n\"x\"y,2\n") }
        #expect(error.code == .unexpectedCharacterAfterQuote)
        #expect(error.line == 2)
    }

    @Test("Bytes that are not UTF-8 are refused with their line")
    func invalidUTF8() throws {
        let bytes: [UInt8] = Array("a,b\n".utf8) + [0x31, 0x2C, 0xFF, 0x0A]
        let error = try #require(throws: CSVError.self) { try CSVReader.records(utf8: bytes) }
        #expect(error.code == .invalidUTF8)
        #expect(error.line == 2)
    }
}
