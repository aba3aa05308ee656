/// Brute force over every assignment of a few variables: each clause as the bit set of the
/// assignments satisfying it, so "is this set of clauses satisfiable" is an AND of words.
struct TruthTable {
    let variableCount: Int
    private let words: Int

    /// A table over variables `1...variableCount` (at most 16).
    init(variableCount: Int) {
        precondition(variableCount <= 16, "brute force is for small formulas")
        self.variableCount = variableCount
        words = max(1, (1 << variableCount) / 64)
    }

    /// Assignment number `a` gives variable `v` the value of bit `v - 1` of `a`.
    func value(of variable: Int, in assignment: Int) -> Bool {
        (assignment >> (variable - 1)) & 1 == 1
    }

    /// The assignments satisfying `clause`, as bits.
    func models(of clause: [Int32]) -> [UInt64] {
        var bits = Array(repeating: UInt64(0), count: words)
        for assignment in 0..<(1 << variableCount)
        where clause.contains(where: { value(of: Int($0.magnitude), in: assignment) == ($0 > 0) }) {
            bits[assignment / 64] |= 1 << UInt64(assignment % 64)
        }
        return bits
    }

    /// Whether some assignment satisfies every clause.
    func isSatisfiable(_ clauses: [[Int32]]) -> Bool {
        var all = Array(repeating: UInt64.max, count: words)
        if variableCount < 6 { all[0] = (1 << UInt64(1 << variableCount)) - 1 }
        for clause in clauses {
            let bits = models(of: clause)
            for index in all.indices { all[index] &= bits[index] }
        }
        return all.contains { $0 != 0 }
    }
}
