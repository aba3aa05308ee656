import OutpostInterchange
import SeededRandom
import Testing

@Suite("CSV writer")
struct CSVWriterTests {
    @Test("Fields are quoted only when needed", arguments: [
        ("plain", "plain"), ("", ""), ("Müller & Söhne", "Müller & Söhne"), (" spaced ", " spaced "),
        ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""),
    ])
    func quoting(value: String, written: String) {
        #expect(CSVWriter.field(value) == written)
    }

    @Test("Header first, LF after every record")
    func layout() {
        #expect(CSVWriter.text(header: ["a", "b"], rows: [["1", "x,y"], ["", ""]]) == "a,b\n1,\"x,y\"\n,\n")
    }

    @Test("Writer output reads back to the same fields")
    func roundTrip() throws {
        var generator = SplitMix(seed: 42)
        let alphabet: [Character] = ["a", "Z", "0", " ", ",", "\"", "\n", "\r", "\r\n", "ü", "😀", "\t"]
        for _ in 0..<200 {
            let rows = (0..<3).map { _ in
                (0..<4).map { _ in String((0..<Int(generator.next() % 6)).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }) }
            }
            let text = CSVWriter.text(header: ["a", "b", "c", "d"], rows: rows)
            #expect(try CSVReader.records(in: text).dropFirst().map(\.fields) == rows)
        }
    }
}

