/// The solvers' internal literal encoding: variable `v` true is `2v`, false is `2v + 1`, so
/// a literal's negation is `literal ^ 1` and its variable is `literal >> 1`.
enum Literal {
    /// The internal code of DIMACS literal `literal` (non-zero).
    @inline(__always)
    static func encode(_ literal: Int32) -> Int {
        2 * Int(literal.magnitude) + (literal < 0 ? 1 : 0)
    }

    /// The DIMACS literal of internal code `code`.
    @inline(__always)
    static func decode(_ code: Int) -> Int32 {
        code & 1 == 0 ? Int32(code >> 1) : -Int32(code >> 1)
    }
}
