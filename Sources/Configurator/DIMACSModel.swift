/// A propositional formula in conjunctive normal form, as read from DIMACS CNF text.
///
/// Variables are numbered `1...variableCount`; a clause is a list of non-zero literals,
/// `v` for "variable `v` is true" and `-v` for "false". Feature-model files name their
/// variables in comments such as `c 1 PC RICHMOND F`; those names are kept in `names`.
///
/// ```swift
/// let model = try DIMACSModel(parsing: "c 1 Base\nc 2 Turbo\np cnf 2 1\n-2 1 0\n")
/// model.clauses  // [[-2, 1]]
/// model.names[2] // "Turbo"
/// ```
public struct DIMACSModel: Hashable, Sendable {
    /// The number of variables the header declares.
    public let variableCount: Int
    /// The clauses in file order, each without its terminating `0`.
    public let clauses: [[Int32]]
    /// The names given by `c N NAME` comment lines, by variable number, with runs of
    /// spaces and tabs inside a name written as one space.
    public let names: [Int: String]

    /// Reads DIMACS CNF text.
    ///
    /// Comments (`c …`) may appear anywhere; a comment of the form `c N NAME` with a
    /// positive integer `N` names variable `N`, every other comment is ignored. Clauses may
    /// span lines and end with `0`. A line starting with `%` ends the clause data (the
    /// SATLIB convention).
    ///
    /// - Parameter text: the whole file.
    /// - Throws: `DIMACSError` naming the line and the problem: a missing, repeated or
    ///   malformed `p cnf` header, a token that is not an integer, a literal or name beyond
    ///   the declared variables, an unterminated last clause, or a clause count that differs
    ///   from the header's.
    public init(parsing text: String) throws(DIMACSError) {
        var reader = DIMACSReader()
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            if try reader.read(line, number: lineNumber) == .endOfData { break }
        }
        let result = try reader.finish()
        variableCount = result.variableCount
        clauses = result.clauses
        names = result.names
    }

    /// A model from its parts, such as a replicated `ConfiguratorModel`'s clauses and its
    /// options' names.
    /// - Throws: `DIMACSError` for a literal or name beyond `variableCount`.
    public init(variableCount: Int, clauses: [[Int32]], names: [Int: String]) throws(DIMACSError) {
        for clause in clauses {
            for literal in clause where literal == 0 || Int(literal.magnitude) > variableCount {
                throw DIMACSError(.literalOutOfRange, line: 0, "literal \(literal) is outside the model's \(variableCount) variables")
            }
        }
        for variable in names.keys where !(1...max(1, variableCount)).contains(variable) {
            throw DIMACSError(.nameOutOfRange, line: 0, "option variable \(variable) is outside the model's \(variableCount) variables")
        }
        self.variableCount = variableCount
        self.clauses = clauses
        self.names = names
    }
}
