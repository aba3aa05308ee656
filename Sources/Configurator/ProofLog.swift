/// Which original clauses each derived fact of a solver rests on.
///
/// Proof ids `0..<originalCount` are the original clauses, by their index in the input.
/// Every learned clause and every literal fixed at the root gets a derived id that lists
/// the ids it was resolved from, so an unsatisfiable answer can name the original clauses
/// behind it (its clause core).
struct ProofLog {
    /// The number of original clauses; derived ids start here.
    let originalCount: Int
    /// Derived record `i` lists `antecedents[starts[i]..<starts[i + 1]]`.
    private var starts: [Int32] = [0]
    private var antecedents: [Int32] = []
    /// Per proof id, the visit mark of `originals(reachableFrom:)`.
    private var marks: [UInt32]
    private var mark: UInt32 = 0

    init(originalCount: Int) {
        self.originalCount = originalCount
        marks = Array(repeating: 0, count: originalCount)
    }

    /// The number of antecedent entries stored, a measure of the log's memory.
    var size: Int { antecedents.count }

    /// Adds `id` to the record being written.
    mutating func append(_ id: Int32) {
        antecedents.append(id)
    }

    /// Closes the record made of the ids appended since the last one and returns its id.
    mutating func close() -> Int32 {
        starts.append(Int32(antecedents.count))
        marks.append(0)
        return Int32(originalCount + starts.count - 2)
    }

    /// The original clauses (ascending input indices) that the ids in `roots` rest on.
    mutating func originals(reachableFrom roots: [Int32]) -> [Int] {
        mark &+= 1
        if mark == 0 {
            for index in marks.indices { marks[index] = 0 }
            mark = 1
        }
        var result: [Int] = []
        var stack = roots
        while let id = stack.popLast() {
            let index = Int(id)
            guard marks[index] != mark else { continue }
            marks[index] = mark
            if index < originalCount {
                result.append(index)
            } else {
                let record = index - originalCount
                stack.append(contentsOf: antecedents[Int(starts[record])..<Int(starts[record + 1])])
            }
        }
        return result.sorted()
    }
}
