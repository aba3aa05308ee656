/// Which values of each variable some satisfying assignment has shown possible.
struct Coverage {
    private(set) var canBeTrue: [Bool]
    private(set) var canBeFalse: [Bool]

    init(variableCount: Int) {
        canBeTrue = Array(repeating: false, count: variableCount + 1)
        canBeFalse = canBeTrue
    }

    /// Marks every value of `model` (indexed by variable) as possible.
    mutating func absorb(_ model: [Bool]) {
        for variable in 1..<model.count {
            if model[variable] { canBeTrue[variable] = true } else { canBeFalse[variable] = true }
        }
    }

    /// Whether both values of `variable` are known to be possible.
    func isOpen(_ variable: Int) -> Bool { canBeTrue[variable] && canBeFalse[variable] }
}
