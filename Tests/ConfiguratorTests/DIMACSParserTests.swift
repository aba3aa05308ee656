import Configurator
import Foundation
import Testing

@Suite("DIMACS CNF parser")
struct DIMACSParserTests {
    @Test("The real PC model parses with its header counts and variable names")
    func pcRichmond() throws {
        let text = try BenchmarkModels.text(of: BenchmarkModels.pc)
        let model = try DIMACSModel(parsing: text)
        #expect(model.variableCount == 377)
        #expect(model.clauses.count == 1356)
        #expect(model.names.count == 377)
        #expect(model.names[1] == "PC RICHMOND F")
        #expect(model.names[10] == "i3-7350K Kaby Lake")
        #expect(model.clauses.first == [1])
        #expect(model.clauses[1] == [1, -2])
        #expect(model.clauses.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 != 0 && abs($0) <= 377 } })
    }

    @Test("Clauses may span lines; CRLF, tabs, other comments and a SATLIB % trailer are accepted")
    func layout() throws {
        let text = "c a remark\r\nc 2 Turbo\t Pack\r\np cnf 3 3\r\n1 -2\r\n 0\n2\t3 0\n\n-3 0\n%\n0\n"
        let model = try DIMACSModel(parsing: text)
        #expect(model.variableCount == 3)
        #expect(model.clauses == [[1, -2], [2, 3], [-3]])
        #expect(model.names == [2: "Turbo Pack"])
    }

    @Test("An empty clause and an empty formula are kept as written")
    func degenerate() throws {
        #expect(try DIMACSModel(parsing: "p cnf 0 0\n").clauses.isEmpty)
        #expect(try DIMACSModel(parsing: "p cnf 1 2\n1 0\n0\n").clauses == [[1], []])
    }

    @Test("Malformed input is refused with a code and the line to fix", arguments: [
        ("", DIMACSError.Code.missingHeader, 1),
        ("c only a comment\nc 1 A\n", .missingHeader, 2),
        ("c 1 A\n1 0\np cnf 1 1\n", .missingHeader, 2),
        ("p cnf 2 1\n1 0\np cnf 2 1\n", .duplicateHeader, 3),
        ("p cnf 2\n1 0\n", .malformedHeader, 1),
        ("p dnf 2 1\n1 0\n", .malformedHeader, 1),
        ("p cnf -2 1\n1 0\n", .malformedHeader, 1),
        ("p cnf 2 2\n1 2 0\n-1 x 0\n", .nonNumericToken, 3),
        ("p cnf 2 1\n1 2.5 0\n", .nonNumericToken, 2),
        ("p cnf 2 2\n1 0\n\n-3 0\n", .literalOutOfRange, 4),
        ("p cnf 2 1\n99999999999999999999 0\n", .literalOutOfRange, 2),
        ("p cnf 2 2\n1 0\n2\n", .unterminatedClause, 3),
        ("c x\np cnf 2 3\n1 0\n2 0\n", .clauseCountMismatch, 2),
        ("p cnf 2 1\n1 0\n1 2 0\n", .clauseCountMismatch, 1),
        ("c 1 A\nc 3 C\np cnf 2 1\n1 0\n", .nameOutOfRange, 2),
        ("c 1 A\nc 1 B\np cnf 2 1\n1 0\n", .duplicateName, 2),
    ])
    func refuses(text: String, code: DIMACSError.Code, line: Int) {
        #expect {
            try DIMACSModel(parsing: text)
        } throws: { error in
            guard let error = error as? DIMACSError else { return false }
            return error.code == code && error.line == line && !error.message.isEmpty
        }
    }

    @Test("The message says what to change")
    func message() {
        #expect(throws: DIMACSError(.clauseCountMismatch, line: 1,
                                    "the header declares 3 clauses but the file has 1; correct the count in the header")) {
            try DIMACSModel(parsing: "p cnf 1 3\n1 0\n")
        }
        #expect(throws: DIMACSError(.literalOutOfRange, line: 2,
                                    "literal -4 is beyond the 2 declared variables; use -2...2 or raise the header's count")) {
            try DIMACSModel(parsing: "p cnf 2 1\n-4 0\n")
        }
    }
}
