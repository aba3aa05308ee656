/// Reads RFC 4180 CSV text into records.
///
/// The delimiter is a comma, a semicolon (what a spreadsheet writes where the comma is
/// the decimal mark) or a tab: whichever of them the first record holds most often
/// outside quotes (a comma when none appears). Accepted: quoted fields with doubled quotes (`"say ""hi"""`), commas and line
/// breaks inside quotes, CRLF, LF or CR line endings, an optional UTF-8 byte-order
/// mark, and a missing final line break. Lines that are completely empty are
/// skipped. A `"` inside an unquoted field is kept as a literal character.
/// Line breaks inside quoted fields are kept exactly as written.
///
/// ```swift
/// let records = try CSVReader.records(in: "name,city\n\"Acme, Inc.\",Berlin\n")
/// // records[1].fields == ["Acme, Inc.", "Berlin"], records[1].line == 2
/// ```
public enum CSVReader {
    /// Parses CSV text.
    /// - Parameter text: the whole file.
    /// - Returns: the records, header included, each with its starting line.
    /// - Throws: ``CSVError`` for an unterminated quote or text after a closing quote.
    public static func records(in text: String) throws(CSVError) -> [CSVRecord] {
        try records(utf8: text.utf8)
    }

    /// Parses CSV bytes, which must be UTF-8.
    /// - Parameter utf8: the whole file as bytes.
    /// - Returns: the records, header included, each with its starting line.
    /// - Throws: ``CSVError``, including ``CSVError/Code/invalidUTF8`` for bytes that are not UTF-8.
    public static func records(utf8: some Sequence<UInt8>) throws(CSVError) -> [CSVRecord] {
        let bytes = Array(utf8)
        var parser = Parser(delimiter: delimiter(of: bytes))
        for byte in bytes { try parser.consume(byte) }
        return try parser.finish()
    }

    /// The delimiters a file may use.
    public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]

    /// The delimiter of the file: the one of ``delimiters`` its first record holds most
    /// often outside quotes; a comma on a tie or when it holds none.
    public static func delimiter(of bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [:]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if !quoted, delimiters.contains(byte) { counts[byte, default: 0] += 1 }
        }
        var best = delimiters[0]
        for candidate in delimiters.dropFirst() where counts[candidate, default: 0] > counts[best, default: 0] {
            best = candidate
        }
        return best
    }
}

/// A byte-at-a-time state machine; works on UTF-8 bytes so that CRLF is two
/// bytes rather than the single `Character` Swift makes of it.
private struct Parser {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted, afterCR
    }

    private static let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
    /// The byte between fields: a comma, a semicolon or a tab.
    private let delimiter: UInt8
    private static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    private var state = State.fieldStart
    private var records: [CSVRecord] = []
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var line = 1
    private var recordLine = 1
    private var recordHasQuote = false
    /// The line where the field being read starts.
    private var fieldLine = 1
    /// Bytes of a possible byte-order mark still being matched at the very start.
    private var bomMatched = 0
    private var pastStart = false

    init(delimiter: UInt8) {
        self.delimiter = delimiter
    }

    mutating func consume(_ byte: UInt8) throws(CSVError) {
        if !pastStart {
            if byte == Parser.bom[bomMatched] {
                bomMatched += 1
                if bomMatched == Parser.bom.count { pastStart = true }
                return
            }
            pastStart = true
            // A partial BOM was real content after all.
            for b in Parser.bom.prefix(bomMatched) { try consume(b) }
        }
        switch state {
        case .afterCR:
            // A CR ended the record; swallow the LF of a CRLF.
            state = .fieldStart
            if byte == Parser.lf { return }
            try consume(byte)
        case .fieldStart where byte == Parser.quote:
            state = .quoted
            fieldLine = line
            recordHasQuote = true
        case .fieldStart, .unquoted:
            if byte == delimiter {
                try endField()
                state = .fieldStart
            } else if byte == Parser.cr || byte == Parser.lf {
                try endRecord()
                line += 1
                recordLine = line
                state = byte == Parser.cr ? .afterCR : .fieldStart
            } else {
                if state == .fieldStart { fieldLine = line }
                field.append(byte)
                state = .unquoted
            }
        case .quoted:
            if byte == Parser.quote {
                state = .quoteInQuoted
            } else {
                field.append(byte)
                // CRLF inside quotes counts once: the LF after a CR adds no line.
                if byte == Parser.cr || (byte == Parser.lf && field.dropLast().last != Parser.cr) { line += 1 }
            }
        case .quoteInQuoted:
            if byte == Parser.quote {
                field.append(byte)
                state = .quoted
            } else if byte == delimiter || byte == Parser.cr || byte == Parser.lf {
                state = .unquoted
                try consume(byte)
            } else {
                throw CSVError(.unexpectedCharacterAfterQuote, line: line,
                               "a quoted field must end right after its closing quote; double any \" inside it as \"\"")
            }
        }
    }

    mutating func finish() throws(CSVError) -> [CSVRecord] {
        if !pastStart {
            pastStart = true
            for b in Parser.bom.prefix(bomMatched) { try consume(b) }
        }
        switch state {
        case .quoted:
            throw CSVError(.unterminatedQuote, line: fieldLine,
                           "the quoted field that starts here is never closed; add the missing \"")
        case .afterCR:
            break
        case .fieldStart where fields.isEmpty && !recordHasQuote:
            break
        case .fieldStart, .unquoted, .quoteInQuoted:
            try endRecord()
        }
        return records
    }

    private mutating func endField() throws(CSVError) {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw CSVError(.invalidUTF8, line: fieldLine, "the file is not UTF-8 text; save it as \"CSV UTF-8\"")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord() throws(CSVError) {
        try endField()
        let blank = fields.count == 1 && fields[0].isEmpty && !recordHasQuote
        if !blank { records.append(CSVRecord(line: recordLine, fields: fields)) }
        fields.removeAll(keepingCapacity: true)
        recordHasQuote = false
    }
}
