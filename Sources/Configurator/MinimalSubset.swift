/// A minimal unsatisfiable subset of a small formula: which of its optional clauses are
/// needed, together with its hard clauses, for unsatisfiability.
///
/// Deletion-based extraction (Marques-Silva & Lynce, 2011): try each optional clause
/// without it; when the rest is still unsatisfiable, drop it and every clause outside the
/// solver's core (clause-set refinement); when the rest becomes satisfiable, the clause is
/// needed (critical), and recursive model rotation turns that one model into proofs that
/// further clauses are critical, each a model falsifying only that clause. Later clauses
/// are tried first, so earlier ones are preferred in the result.
///
/// ```swift
/// // -3 is hard; of [1], [-1, 3], [3], [2] the minimal subsets are {[3]} and {[1], [-1, 3]}.
/// MinimalSubset(hard: [[-3]], optional: [[1], [-1, 3], [3], [2]]).extract()  // [2]
/// ```
struct MinimalSubset {
    /// Hard clauses then optional ones, over variables renumbered `1...variableCount`.
    private let clauses: [[Int32]]
    private let hardCount: Int
    private let variableCount: Int
    /// `occurrences[v]`: the clauses (indices into `clauses`) containing variable `v`.
    private let occurrences: [[Int]]

    /// The hard clauses and the optional ones, which together must be unsatisfiable.
    init(hard: [[Int32]], optional: [[Int32]]) {
        var dense: [Int32: Int32] = [:]
        var occurrences: [[Int]] = [[]]
        var clauses: [[Int32]] = []
        clauses.reserveCapacity(hard.count + optional.count)
        for (index, clause) in (hard + optional).enumerated() {
            clauses.append(clause.map { literal in
                let variable = Int32(literal.magnitude)
                let number: Int32
                if let known = dense[variable] {
                    number = known
                } else {
                    number = Int32(occurrences.count)
                    dense[variable] = number
                    occurrences.append([])
                }
                if occurrences[Int(number)].last != index { occurrences[Int(number)].append(index) }
                return literal < 0 ? -number : number
            })
        }
        self.clauses = clauses
        hardCount = hard.count
        variableCount = occurrences.count - 1
        self.occurrences = occurrences
    }

    /// The positions (ascending, into the optional clauses) of a minimal subset that is
    /// unsatisfiable with the hard clauses: dropping any one makes it satisfiable.
    func extract() -> [Int] {
        var status = Array(repeating: Status.unknown, count: clauses.count)
        for index in 0..<hardCount { status[index] = .critical }
        for candidate in stride(from: clauses.count - 1, through: hardCount, by: -1) where status[candidate] == .unknown {
            let included = clauses.indices.filter { $0 != candidate && status[$0] != .removed }
            var solver = SATSolver(variableCount: variableCount, clauses: included.map { clauses[$0] })
            switch solver.solve(assuming: []) {
            case let .satisfiable(model):
                status[candidate] = .critical
                rotate(model, from: candidate, status: &status)
            case .unsatisfiable:
                status[candidate] = .removed
                let core = Set((solver.unsatisfiableCore()?.clauses ?? included.indices.map { $0 }).map { included[$0] })
                for index in hardCount..<clauses.count where status[index] == .unknown && !core.contains(index) {
                    status[index] = .removed
                }
            }
        }
        return (hardCount..<clauses.count).filter { status[$0] == .critical }.map { $0 - hardCount }
    }

    private enum Status { case unknown, critical, removed }

    /// Recursive model rotation from `model`, which satisfies every clause not removed
    /// except `falsified`: flipping a variable of that clause gives a model that, if it
    /// falsifies exactly one other kept clause and no hard one, proves that clause critical.
    private func rotate(_ model: [Bool], from falsified: Int, status: inout [Status]) {
        var pending = [(model, falsified)]
        while let (current, clause) = pending.popLast() {
            for literal in clauses[clause] {
                let variable = Int(literal.magnitude)
                var flipped = current
                flipped[variable].toggle()
                var broken: [Int] = []
                for other in occurrences[variable] where status[other] != .removed && !satisfies(flipped, other) {
                    broken.append(other)
                }
                guard broken.count == 1, let only = broken.first, only >= hardCount,
                      status[only] == .unknown else { continue }
                status[only] = .critical
                pending.append((flipped, only))
            }
        }
    }

    private func satisfies(_ model: [Bool], _ clause: Int) -> Bool {
        clauses[clause].contains { model[Int($0.magnitude)] == ($0 > 0) }
    }
}
