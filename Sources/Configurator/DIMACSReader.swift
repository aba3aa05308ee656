/// The line-by-line state machine behind `DIMACSModel(parsing:)`.
struct DIMACSReader {
    /// Whether reading should go on after a line.
    enum Progress { case more, endOfData }

    private var header: (variables: Int, clauses: Int, line: Int)?
    private var clauses: [[Int32]] = []
    private var pending: [Int32] = []
    private var pendingLine = 0
    private var names: [Int: (name: String, line: Int)] = [:]
    /// The last line with content, where a missing header is reported.
    private var lastLine = 1

    /// Reads one line (without its line break).
    mutating func read(_ line: Substring, number: Int) throws(DIMACSError) -> Progress {
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = tokens.first else { return .more }
        lastLine = number
        if first.hasPrefix("c") {
            try readComment(tokens, number: number)
        } else if first.hasPrefix("p") {
            try readHeader(tokens, number: number)
        } else if first.hasPrefix("%") {
            return .endOfData
        } else {
            try readLiterals(tokens, number: number)
        }
        return .more
    }

    /// Checks what only the whole text can tell and returns the model's parts.
    func finish() throws(DIMACSError) -> (variableCount: Int, clauses: [[Int32]], names: [Int: String]) {
        guard let header else {
            throw DIMACSError(.missingHeader, line: lastLine,
                              "no `p cnf VARIABLES CLAUSES` header found; add one before the first clause")
        }
        guard pending.isEmpty else {
            throw DIMACSError(.unterminatedClause, line: pendingLine,
                              "the last clause is not closed; end it with 0")
        }
        guard clauses.count == header.clauses else {
            throw DIMACSError(.clauseCountMismatch, line: header.line,
                              "the header declares \(header.clauses) clauses but the file has \(clauses.count); correct the count in the header")
        }
        let outOfRange = names.filter { $0.key > header.variables }.min { $0.value.line < $1.value.line }
        if let entry = outOfRange {
            throw DIMACSError(.nameOutOfRange, line: entry.value.line,
                              "names variable \(entry.key) but the header declares only \(header.variables) variables; fix the number or the header")
        }
        return (header.variables, clauses, names.mapValues(\.name))
    }

    private mutating func readComment(_ tokens: [Substring], number: Int) throws(DIMACSError) {
        guard tokens.count >= 3, tokens[0] == "c", let variable = Int(tokens[1]), variable > 0 else { return }
        let name = tokens[2...].joined(separator: " ")
        if let earlier = names[variable] {
            throw DIMACSError(.duplicateName, line: number,
                              "variable \(variable) is already named \"\(earlier.name)\" on line \(earlier.line); keep one name per variable")
        }
        names[variable] = (name, number)
    }

    private mutating func readHeader(_ tokens: [Substring], number: Int) throws(DIMACSError) {
        if let header {
            throw DIMACSError(.duplicateHeader, line: number,
                              "a second `p` header; the first is on line \(header.line), keep only one")
        }
        guard tokens.count == 4, tokens[0] == "p", tokens[1] == "cnf",
              let variables = Int(tokens[2]), let clauseCount = Int(tokens[3]),
              (0...Int(Int32.max)).contains(variables), clauseCount >= 0 else {
            throw DIMACSError(.malformedHeader, line: number,
                              "the header must read `p cnf VARIABLES CLAUSES` with two non-negative integers (got \"\(tokens.joined(separator: " "))\")")
        }
        header = (variables, clauseCount, number)
    }

    private mutating func readLiterals(_ tokens: [Substring], number: Int) throws(DIMACSError) {
        guard let header else {
            throw DIMACSError(.missingHeader, line: number,
                              "a clause comes before the `p cnf VARIABLES CLAUSES` header; put the header first")
        }
        for token in tokens {
            guard let literal = Int(token) else {
                let digits = token.hasPrefix("-") ? token.dropFirst() : token[...]
                if !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                    throw DIMACSError(.literalOutOfRange, line: number,
                                      "literal \(token) is beyond the \(header.variables) declared variables")
                }
                throw DIMACSError(.nonNumericToken, line: number,
                                  "\"\(token)\" is not an integer; a clause is integers separated by spaces and ended by 0")
            }
            if literal == 0 {
                clauses.append(pending)
                pending.removeAll(keepingCapacity: true)
            } else if literal.magnitude > header.variables {
                let limit = header.variables
                throw DIMACSError(.literalOutOfRange, line: number,
                                  "literal \(literal) is beyond the \(limit) declared variables; use -\(limit)...\(limit) or raise the header's count")
            } else {
                pending.append(Int32(literal))
                pendingLine = number
            }
        }
    }
}
